"""The map and the filing form work in a real browser: the chart draws, and a refused filing shows its
free window."""

import pytest
from playwright.sync_api import sync_playwright

from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.lowalt.reference import load_reference
from yrd.lowalt.tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def signed_in(browser, live_server, user):
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "pw-for-tests-1")
    page.click("form.stacked button[type=submit]")
    return page


def test_the_map_draws_sites_restrictions_and_the_day_s_operations(browser, live_server, world):
    load_reference()
    f.file(world.pilot, world.light)
    page = signed_in(browser, live_server, world.pilot)
    page.goto(f"{live_server.url}/lowalt/?day={f.tomorrow_at(0).date().isoformat()}")
    page.wait_for_selector("#lowalt-map[data-ready='1']", timeout=15000)
    assert page.locator("#lowalt-map canvas").count() >= 1
    assert "PVG-APT" in page.content()


def test_a_refused_filing_shows_the_free_window_in_the_browser(browser, live_server, world):
    f.file(world.pilot, world.light)
    page = signed_in(browser, live_server, world.other_pilot)
    page.goto(f"{live_server.url}/lowalt/intents/new/")
    start = f.tomorrow_at(10, 10)
    page.fill("#id_purpose", "Parcel")
    page.fill("#id_outline", "121.40, 31.10\n121.42, 31.11")
    page.fill("#id_start", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_end", f.tomorrow_at(10, 40).strftime("%Y-%m-%dT%H:%M"))
    page.click("form.form button[type=submit]")
    assert "10:30" in page.locator("#free-window").inner_text()
