from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import person
from yrd.emergency.tests import factories as f


@pytest.fixture(autouse=True)
def straight_line_travel(settings):
    settings.EMERGENCY_TRAVEL_TIMES = "yrd.emergency.tests.travel.straight_line"


@pytest.fixture
def world(reference):
    """Personas: a coordinator of the region and one of Zhejiang; operators of a Shanghai, a Ningbo and
    a Hefei warehouse (each of their own organisation); a site requester in Ningbo; an alliance
    administrator; a stranger. Items: bottled water, family tents, first-aid kits, drainage pumps."""
    items = f.catalogue()
    sh, nb, hf = f.warehouse("310000"), f.warehouse("330200"), f.warehouse("340100")
    return SimpleNamespace(
        **items,
        sh=sh,
        nb=nb,
        hf=hf,
        coordinator=person("emergency_coordinator", "YRD"),
        zj_coordinator=person("emergency_coordinator", "330000"),
        sh_operator=f.operator(sh),
        nb_operator=f.operator(nb),
        hf_operator=f.operator(hf),
        requester=person("site_requester", "330200"),
        admin=person("alliance_admin", "YRD"),
        stranger=person(),
    )
