"""The case page maps where the case was reported (vendored GeoJSON, no inline script); the queue charts the
listed cases by state, counting only what the caller may see."""

import json
import re

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import make_uscc
from yrd.market.models import Case
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db


def chart(page: str, name: str) -> dict:
    return json.loads(re.search(rf'<script id="{name}" type="application/json">(.*?)</script>', page, re.S).group(1))


@pytest.fixture
def cases(reference):
    uscc = make_uscc("320508")
    f.report(subject_name="苏州美佳食品有限公司", subject_uscc=uscc, incident_city="320500")
    f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=uscc, incident_city="330100")
    f.report(subject_name="美佳食品（苏州）有限公司", subject_uscc=uscc, incident_city="330100")
    f.report(subject_name="合肥华联超市有限公司", category="price_fraud", incident_city="340100")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return Case.objects.get(category="food_safety")


def test_the_case_map_counts_the_reports_of_each_city(client, cases):
    client.force_login(f.zhejiang_regulator())
    page = client.get(f"/market/cases/{cases.pk}/").content.decode()
    counts = {d["name"]: d["value"] for d in chart(page, "chart-case-map")["series"][0]["data"]}
    assert (counts["320500"], counts["330100"], counts["340100"], len(counts)) == (1, 2, 0, 41)
    assert "geo/yrd-cities" in page and 'data-map-name="yrd"' in page


def test_the_queue_chart_counts_only_the_visible_cases_by_state(client, cases):
    client.force_login(f.anhui_regulator())
    page = client.get("/market/cases/").content.decode()
    assert sum(chart(page, "chart-states")["series"][0]["data"]) == 1
    client.force_login(f.jiangsu_regulator())
    page = client.get("/market/cases/").content.decode()
    assert chart(page, "chart-states")["series"][0]["data"][0] == 1  # open
