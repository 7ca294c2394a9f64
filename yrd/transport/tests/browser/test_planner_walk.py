"""A logistics planner plans Nanjing → Ningbo in a real browser (Debian chromium through Playwright), sees
the routes side by side with the Pareto chart and the map drawn, and books one as a shipment.

The browser runs in a thread of its own (see services' browser test); it only talks HTTP to the live
server, and the database is checked here, in the test's thread."""

import threading

import pytest
from django.urls import reverse

from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.transport.models import Shipment

pytestmark = pytest.mark.browser


def _walk(base, username, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(20000)
        page = context.new_page()
        page.goto(base + reverse("login"))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw-for-tests-1")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        page.goto(base + reverse("transport:planner"))
        page.select_option("select[name=origin]", "320100")
        page.select_option("select[name=destination]", "330200")
        page.fill("input[name=tonnes]", "200")
        page.check("input[name=modes][value=rail]")
        page.check("input[name=modes][value=road]")
        with page.expect_navigation():
            page.click("main form.planner-form button[type=submit]")
        page.wait_for_selector("[data-echarts=chart-pareto][data-ready='1']")
        page.wait_for_selector("[data-echarts=chart-map][data-ready='1']")
        seen["routes"] = page.locator("table.routes thead th").count() - 1
        seen["legs"] = page.locator("ol.legs li").count()
        page.select_option("select[name=carrier]", index=1)
        page.fill("input[name=external_reference]", "PO-2026-001")
        with page.expect_navigation():
            page.click("form.book-form button[type=submit]")
        seen["tracking"] = page.locator("h1").inner_text()
        browser.close()


def test_a_planner_plans_compares_and_books_in_the_browser(live_server, world):
    seen, failures = {}, []

    def run():
        try:
            _walk(live_server.url, world.planner.username, seen)
        except Exception as error:  # re-raised in the test's thread below
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=180)
    if failures:
        raise failures[0]
    assert seen["routes"] >= 2 and seen["legs"] >= 1
    shipment = Shipment.objects.get()
    assert shipment.external_reference == "PO-2026-001"
    assert shipment.reference in seen["tracking"]
