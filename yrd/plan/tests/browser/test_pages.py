"""The plan pages in a real browser (Debian chromium through Playwright)."""

import pytest
from django.urls import reverse

from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.plan.tests.factories import AREAS, ReportFactory, TaskFactory, area, make_plan

from .conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def shanghai_task(reference):
    plan = make_plan()
    drc = OrganisationFactory(jurisdiction=jurisdiction("310000"))
    owner = person("task_owner", "310000", organisation=drc, username="sh_owner")
    task = TaskFactory(
        code="3.01",
        area=area(3, plan),
        leads=["310000"],
        organisations=[drc],
        title_zh="长三角一网通办",
        title_en="One-network government services",
    )
    return owner, task


def test_an_owner_reports_progress_and_the_overview_shows_it(live_server, open_page, shanghai_task):
    owner, task = shanghai_task
    page = open_page()
    page.goto(live_server.url + reverse("login") + "?next=" + reverse("plan:overview"))
    page.fill("input[name=username]", owner.username)
    page.fill("input[name=password]", "pw-for-tests-1")
    page.click("main form button[type=submit]")
    page.wait_for_url("**" + reverse("plan:overview"))
    assert page.inner_text("#kpi-percent b") == "0.0%"

    page.goto(live_server.url + reverse("plan:task", args=[task.pk]))
    page.fill("input[name=percent]", "55")
    page.select_option("select[name=risk_level]", "medium")
    page.fill("textarea[name=narrative_en]", "Joint service window opened in Qingpu.")
    page.click("#report button[type=submit]")
    page.wait_for_url("**" + reverse("plan:task", args=[task.pk]))
    assert page.inner_text("#task-percent") == "55%"
    assert "Joint service window opened in Qingpu." in page.inner_text("#reports")

    page.goto(live_server.url + reverse("plan:overview"))
    assert page.inner_text("#kpi-percent b") == "55.0%"
    assert page.inner_text("#area-table .pct[data-area='3']") == "55.0%"


def test_the_public_page_in_chinese_and_in_english(live_server, open_page, reference):
    plan = make_plan()
    for number in range(1, 10):
        TaskFactory(code=f"{number}.01", area=area(number, plan), leads=["320000"])
    page = open_page(locale="zh-CN")
    page.goto(live_server.url + reverse("plan:public"))
    table = page.locator("#public-areas")
    for _number, title_zh, _title_en in AREAS:
        assert table.get_by_text(title_zh, exact=True).is_visible()
    assert page.locator("html").get_attribute("lang") == "zh-CN"

    with page.expect_navigation():
        page.select_option("#lang-select", "en")  # yrd.js submits the switcher on change
    assert page.locator("html").get_attribute("lang") == "en"
    for _number, title_zh, title_en in AREAS:
        assert table.get_by_text(title_en, exact=True).is_visible()
        assert table.get_by_text(title_zh, exact=True).count() == 0

    with page.expect_navigation():
        page.select_option("#lang-select", "zh-hans")
    assert table.get_by_text(AREAS[0][1], exact=True).is_visible()


def test_the_overview_draws_its_charts(live_server, open_page, shanghai_task):
    owner, task = shanghai_task
    ReportFactory(task=task, percent=30)
    page = open_page()
    sign_in(page, live_server, person("plan_coordinator", "YRD"))
    page.goto(live_server.url + reverse("plan:overview"))
    charts = page.locator("[data-echarts]")
    assert charts.count() == 3
    page.wait_for_function("document.querySelectorAll('[data-echarts][data-ready=\"1\"]').length === 3")
    for n in range(3):
        assert charts.nth(n).locator("canvas").count() >= 1


def test_the_map_and_timeline_draw(live_server, open_page, shanghai_task):
    page = open_page()
    sign_in(page, live_server, person("plan_coordinator", "YRD"))
    for name, count in (("plan:heatmap", 2), ("plan:gantt", 1)):
        page.goto(live_server.url + reverse(name))
        page.wait_for_function(f"document.querySelectorAll('[data-echarts][data-ready=\"1\"]').length === {count}")
        assert page.locator("[data-echarts] canvas").count() >= count
