from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import person


@pytest.fixture
def world(reference):
    """Personas: heritage officers of Suzhou (Jiangsu) and Jiaxing (Zhejiang); the provincial
    reviewers of Jiangsu and Zhejiang; the joint bid office (the whole region); a signed-in visitor
    without a role."""
    return SimpleNamespace(
        sz_officer=person("culture_city_officer", "320500"),
        jx_officer=person("culture_city_officer", "330400"),
        js_reviewer=person("culture_province_reviewer", "320000"),
        zj_reviewer=person("culture_province_reviewer", "330000"),
        office=person("culture_bid_office", "YRD"),
        visitor=person(),
    )


@pytest.fixture(autouse=True)
def straight_line_routes(settings):
    """Routes by straight-line distance unless a test asks for the transport network."""
    settings.CULTURE_ROUTES_OVER_NETWORK = False
