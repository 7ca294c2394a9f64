"""A visitor finds a site on the map in a real browser (Debian chromium through Playwright), books a
visit that does not fit and is told why on the page, books one that fits and sees it among their
visits; the map and the route draw.

The browser runs in a thread of its own (see services' browser test for why); the database is
checked here, in the test's thread."""

import threading

import pytest
from django.urls import reverse

from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.culture.models import Reservation
from yrd.culture.tests import factories as f

pytestmark = pytest.mark.browser


def walk(base, username, day, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(20000)
        page = context.new_page()
        page.goto(base + reverse("culture:catalogue"))
        page.wait_for_selector("[data-echarts='chart-sites-map'][data-ready='1']")
        seen["map_drawn"] = True
        page.goto(base + reverse("login") + "?next=" + reverse("culture:site", args=["xitang-hall"]))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw-for-tests-1")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        for size in ("9", "3"):
            page.fill("input[name=visit_date]", day)
            page.fill("input[name=party_size]", size)
            page.fill("input[name=contact_name]", "Wang Wu")
            page.fill("input[name=contact_phone]", "13700000000")
            with page.expect_navigation():
                page.click("#visit form button[type=submit]")
            seen[size] = page.inner_text("main")
        page.goto(base + reverse("culture:route") + "?stop=xitang-hall&stop=zhouzhuang-bridge")
        page.wait_for_selector("[data-echarts='chart-route-map'][data-ready='1']")
        seen["route"] = page.inner_text("main")
        browser.close()


def test_a_visitor_books_in_the_browser_and_is_told_what_does_not_fit(live_server, world):
    f.bookable(5, code="xitang-hall", name_en="Xitang Hall", geometry=f.point(120.8886, 30.9437))
    f.resource(code="zhouzhuang-bridge", name_en="Zhouzhuang bridge")
    seen, errors = {}, []

    def run():
        try:
            walk(live_server.url, world.visitor.username, str(f.tomorrow()), seen)
        except Exception as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=240)
    if errors:
        raise errors[0]
    assert seen["map_drawn"]
    assert "Only 5 places are left" in seen["9"]
    assert "Xitang Hall" in seen["3"] and "Confirmed" in seen["3"]
    assert "km in straight lines" in seen["route"]
    assert list(Reservation.objects.values_list("party_size", "status")) == [(3, "confirmed")]
