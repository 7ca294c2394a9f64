"""Who sees what, pages and API: every persona × a Jiangsu case (one report by `reporter`), own / other
jurisdiction / anonymous. Reporters see only their own reports; regulators the cases routed to or shared with
their jurisdiction; the public pages hold nothing personal."""

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import api_key
from yrd.market.models import Case
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db

PERSONAS = (
    "jiangsu_regulator",
    "shanghai_regulator",
    "anhui_regulator",
    "reporter",
    "other_reporter",
    "stranger",
    "anonymous",
)
# page → status per persona (302: to the login page)
PAGES = {
    "/market/cases/": {"jiangsu_regulator": 200, "shanghai_regulator": 200, "anhui_regulator": 200, "reporter": 403,
                       "other_reporter": 403, "stranger": 403, "anonymous": 302},
    "/market/cases/{case}/": {"jiangsu_regulator": 200, "shanghai_regulator": 403, "anhui_regulator": 403,
                              "reporter": 403, "other_reporter": 403, "stranger": 403, "anonymous": 302},
    "/market/review/": {"jiangsu_regulator": 200, "shanghai_regulator": 200, "anhui_regulator": 200, "reporter": 403,
                        "other_reporter": 403, "stranger": 403, "anonymous": 302},
    "/market/my-reports/": {p: 200 for p in PERSONAS} | {"anonymous": 302},
    "/market/report/": {p: 200 for p in PERSONAS},
    "/market/decisions/": {p: 200 for p in PERSONAS},
    "/market/statistics/": {p: 200 for p in PERSONAS},
    "/market/access/": {p: 200 for p in PERSONAS},
}  # fmt: skip


@pytest.fixture
def world(reference):
    people = {
        "jiangsu_regulator": f.jiangsu_regulator(),
        "shanghai_regulator": f.shanghai_regulator(),
        "anhui_regulator": f.anhui_regulator(),
        "reporter": f.reporter("reporter"),
        "other_reporter": f.reporter("other_reporter"),
        "stranger": f.stranger(),
        "anonymous": None,
    }
    f.report(acting_user=people["reporter"], subject_name="苏州美佳食品有限公司", incident_city="320500")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return people, Case.objects.get()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_answers_each_persona_as_the_rules_say(client, world, persona, page):
    people, case = world
    if people[persona] is not None:
        client.force_login(people[persona])
    response = client.get(page.format(case=case.pk))
    assert response.status_code == PAGES[page][persona]
    if response.status_code == 200 and persona != "jiangsu_regulator":
        assert "13800138000" not in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_api_lists_cases_and_reports_by_the_same_rules(client, world, persona):
    people, case = world
    headers = {}
    if people[persona] is not None:
        key = api_key(people[persona])
        headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    cases = client.get("/api/market/cases", **headers)
    reports = client.get("/api/market/my-reports", **headers)
    if persona == "anonymous":
        assert (cases.status_code, reports.status_code) == (401, 401)
        return
    assert [c["id"] for c in cases.json()] == ([case.pk] if persona == "jiangsu_regulator" else [])
    assert len(reports.json()) == (1 if persona == "reporter" else 0)
