"""From a booking to a cross-province voucher redemption in a real browser (Debian chromium through
Playwright): a Jiangsu firm requests time on a Shanghai instrument from the catalogue, the Shanghai
provider approves it on the desk, the firm redeems its voucher for earlier used time, and the
Jiangsu officer's desk shows the settlement chart; the overview's map and chart draw.

The browser runs in a thread of its own; the thread only talks HTTP to the live server, the database
is checked here."""

import threading

import pytest
from django.urls import reverse

from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.innovation.models import Booking, Redemption
from yrd.innovation.tests import factories as f

pytestmark = pytest.mark.browser


def _log_in(browser, base, username):
    context = browser.new_context(bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20000)
    page = context.new_page()
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-for-tests-1")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    return page


def _walk(base, world, day, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = _log_in(browser, base, world.js_firm_user.username)
        page.goto(base + reverse("innovation:instruments"))
        page.select_option("#booking-form select[name=instrument]", "SEM-B")
        page.fill("#booking-form input[name=day]", day)
        page.fill("#booking-form input[name=start]", "10:00")
        page.fill("#booking-form input[name=hours]", "2")
        page.fill("#booking-form input[name=purpose]", "薄膜形貌表征")
        with page.expect_navigation():
            page.click("#booking-form button[type=submit]")
        seen["requested"] = page.inner_text("main")
        with page.expect_navigation():
            page.click("form[action$='/vouchers/redeem/'] button[type=submit]")
        seen["redeemed"] = page.inner_text("main")

        page = _log_in(browser, base, world.sh_provider.username)
        page.goto(base + reverse("innovation:vouchers"))
        with page.expect_navigation():
            page.click("button[value=approve]")

        page = _log_in(browser, base, world.js_officer.username)
        page.goto(base + reverse("innovation:vouchers"))
        page.wait_for_selector("[data-echarts='chart-settlement'][data-ready='1']")
        seen["settlement"] = page.inner_text("main")

        page.goto(base + reverse("innovation:overview"))
        page.wait_for_selector("[data-echarts='chart-instruments-map'][data-ready='1']")
        page.wait_for_selector("[data-echarts='chart-stages'][data-ready='1']")
        seen["overview"] = page.inner_text(".kpis")
        browser.close()


def test_a_firm_books_and_redeems_across_provinces_through_the_pages(live_server, world):
    sem = f.instrument(world.sh_lab, code="SEM-B", price="300")
    f.used_booking(sem, world.js_firm, days=-5, hours=2)
    f.voucher(f.programme("320000"), world.js_firm, "1000")
    day = f.at(6).date().isoformat()
    seen, errors = {}, []

    def run():
        try:
            _walk(live_server.url, world, day, seen)
        except Exception as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=240)
    if errors:
        raise errors[0]
    assert "Booking requested" in seen["requested"]
    assert "redeemed" in seen["redeemed"]
    assert Redemption.objects.get().amount_cny == 600
    assert Booking.objects.filter(state="approved").count() == 2
    assert "Jiangsu\tShanghai\t1\t600" in seen["settlement"]
    assert "1\nvouchers redeemed in another province" in seen["overview"]
