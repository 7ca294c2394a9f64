"""The reference negative list: loaded when the platform has none, answered by the check, never replacing a list
an administrator imported."""

import pytest

from yrd.market.models import AccessMeasure
from yrd.market.reference import load_reference
from yrd.market.selectors import access_check
from yrd.market.tests import factories as f
from yrd.market.writes import access_list_import

pytestmark = pytest.mark.django_db


def test_the_reference_list_answers_the_check_with_authority_and_legal_basis(reference):
    assert load_reference() == {"negative list entries added": 19}
    domestic = access_check("online_news", "domestic", "320500")
    assert (domestic.verdict, domestic.authority) == ("licence", "国家或省级网信部门")
    foreign = access_check("online_news", "foreign", "320500")
    assert foreign.verdict == "prohibited" and "2024年版" in foreign.legal_basis
    assert access_check("convenience_store", "domestic", "310115").verdict == "eased"
    assert access_check("convenience_store", "domestic", "310104").verdict == "licence"
    assert access_check("bicycle_repair", "domestic", "310104").verdict == "allowed"


def test_loading_again_changes_nothing_and_an_imported_list_is_kept(reference):
    load_reference()
    assert load_reference() == {"negative list entries added": 0}
    own = "code,activity_code,activity_zh,activity_en,kind,authority,legal_basis,enterprise_types,area_adcode\n"
    own += "X-1,x,某事项,,prohibited,,某法,,\n"
    access_list_import(acting_user=f.market_admin(), name="own.csv", content=own.encode())
    load_reference()
    assert list(AccessMeasure.objects.values_list("code", flat=True)) == ["X-1"]


def test_the_reference_list_replaces_the_demo_list(reference):
    demo = "code,activity_code,activity_zh,activity_en,kind,authority,legal_basis,enterprise_types,area_adcode\n"
    demo += "D-1,x,演示事项,,prohibited,,演示：依据,,\n"
    access_list_import(acting_user=f.market_admin(), name="demo.csv", content=demo.encode(), is_demo=True)
    load_reference()
    assert not AccessMeasure.objects.filter(is_demo=True).exists() and AccessMeasure.objects.count() == 19
