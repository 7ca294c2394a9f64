from yrd.services import selectors
from yrd.services.tests import factories as f


def test_search_finds_an_item_by_a_material_it_asks_for_once(reference):
    item = f.service_item("by-material")
    found = list(selectors.catalogue(search="身份证复印"))
    assert found == [item]


def test_search_still_finds_by_code(reference):
    item = f.service_item("findable-code")
    assert list(selectors.catalogue(search="findable")) == [item]
