"""A factory's reporter enters a year in a real browser (Debian chromium through Playwright), is
told on the row what is wrong, corrects it and submits; the city's reviewer approves; anyone then
reads the published total, and the reviewer reads the calculation line by line.

The browser runs in a thread of its own (see services' browser test for why); the database is
checked here, in the test's thread."""

import threading

import pytest
from django.urls import reverse

from yrd.core.audit import verify_chain
from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.green.models import ReportingPeriod

pytestmark = pytest.mark.browser


def log_in(browser, base, username):
    context = browser.new_context(bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20000)
    page = context.new_page()
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-for-tests-1")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    return page


def walk(base, world, seen):
    from playwright.sync_api import sync_playwright

    site = world.sz_factory
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = log_in(browser, base, world.sz_reporter.username)
        page.goto(base + reverse("green:period", args=[site.pk, 2024]))
        page.fill("#q_natural_gas", "12")
        page.select_option("select[name=u_natural_gas]", "t")  # a unit its factor does not apply per
        page.fill("#q_grid_electricity", "1000")
        with page.expect_navigation():
            page.click("main form.card button[type=submit]")
        seen["refusal"] = page.inner_text("main")
        page.select_option("select[name=u_natural_gas]", "10^4 Nm3")
        with page.expect_navigation():
            page.click("main form.card button[type=submit]")
        page.goto(base + reverse("green:site", args=[site.pk]))
        with page.expect_navigation():
            page.click("text=Submit for review")
        page = log_in(browser, base, world.sz_city.username)
        page.goto(base + reverse("green:my-sites"))
        seen["queue"] = page.inner_text("main")
        page.goto(base + reverse("green:site", args=[site.pk]))
        with page.expect_navigation():
            page.click("text=Approve")
        seen["lines"] = page.inner_text(".green-account")
        public = browser.new_context(bypass_csp=True, locale="en-US").new_page()
        public.goto(base + reverse("green:site", args=[site.pk]))
        seen["public"] = public.inner_text("main")
        public.goto(base + reverse("green:overview"))
        public.wait_for_selector("[data-echarts='chart-parks-map'][data-ready='1']")
        seen["map_drawn"] = True
        browser.close()


def test_a_year_is_entered_corrected_submitted_reviewed_and_published(live_server, world):
    seen, errors = {}, []

    def run():
        try:
            walk(live_server.url, world, seen)
        except Exception as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=240)
    if errors:
        raise errors[0]
    assert "natural_gas is entered in t (mass)" in seen["refusal"]
    assert world.sz_factory.name in seen["queue"]
    assert "1,000 MWh × 0.5978 tCO2/MWh = 597.8 tCO2" in seen["lines"]
    assert "Published totals" in seen["public"] and "Accounts, line by line" not in seen["public"]
    assert seen["map_drawn"]
    period = ReportingPeriod.objects.get(site=world.sz_factory, year=2024)
    assert period.state == "reviewed" and period.factor_set["grid_location"]["value"] == "0.5978"
    assert verify_chain() is None
