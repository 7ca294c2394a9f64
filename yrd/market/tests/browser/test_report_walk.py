"""An anonymous citizen reports a violation in a real browser (Debian chromium through Playwright), keeps the
receipt number, and looks the report up by it; then a Jiangsu regulator finds the case in the queue.

The browser runs in a thread of its own (Playwright's sync API refuses to start while another sync instance is
alive in the same thread); the database is checked here, in the test's thread."""

import threading

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.market.models import Report
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _report(base, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(bypass_csp=True, locale="en-US")
        context.set_default_timeout(15000)
        page = context.new_page()
        page.goto(base + "/market/report/")
        page.fill("input[name=subject_name]", "苏州美佳食品有限公司")
        page.select_option("select[name=category]", "food_safety")
        page.select_option("select[name=incident_city]", "320500")
        page.fill("textarea[name=description]", "出售过期食品")
        page.fill("input[name=reporter_phone]", "13800138000")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        seen["receipt"] = page.inner_text(".receipt")
        page.click("text=See its status")
        seen["status"] = page.inner_text("main")
        page.screenshot(path=seen["shot"], full_page=True)
        browser.close()


def _regulator(base, username, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(bypass_csp=True, locale="en-US").new_page()
        page.goto(base + "/accounts/login/?next=/market/cases/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw-for-tests-1")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        seen["queue"] = page.inner_text("main")
        browser.close()


def run(target, *args):
    thread = threading.Thread(target=target, args=args)
    thread.start()
    thread.join(120)


def test_a_citizen_reports_without_an_account_and_a_regulator_finds_the_case(live_server, reference, tmp_path):
    seen = {"shot": str(tmp_path / "status.png")}
    run(_report, live_server.url, seen)
    report = Report.objects.get()
    assert seen["receipt"] == report.receipt
    assert "苏州美佳食品有限公司" in seen["status"] and "13800138000" not in seen["status"]
    consolidation_run(acting_user=SYSTEM, mode="batch")
    regulator = f.jiangsu_regulator()
    run(_regulator, live_server.url, regulator.username, seen)
    assert "苏州美佳食品有限公司" in seen["queue"]
