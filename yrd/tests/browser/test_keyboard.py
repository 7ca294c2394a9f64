"""Keyboard-only use (Tab, Enter, arrows and typing; no mouse): a plan coordinator signs in, skips the
header to the page's content, and reaches the task list from the header; a visitor switches the
elderly-friendly display on with the keyboard, and, in a browser with JavaScript off, with the same
plain form; a citizen without an account files a market-violation report and follows it by its
receipt number.

The browser runs in a thread of its own (see the accessibility test for why)."""

import threading

import pytest
from django.urls import reverse

from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.core.tests.factories import person
from yrd.market.categories import VIOLATION_CATEGORIES
from yrd.market.models import Report

pytestmark = pytest.mark.browser

MAX_TABS = 60


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, name: e.getAttribute('name'), href: e.getAttribute('href'),"
        " text: (e.innerText || '').trim(), id: e.id}; }"
    )


def tab_to(page, wanted):
    """Press Tab until the focused element matches `wanted` (a predicate); fail after MAX_TABS."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if wanted(focused(page)):
            return
    raise AssertionError(f"never reached by Tab; last focus {focused(page)}")


def new_page(browser, **options):
    context = browser.new_context(bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(20000)
    return context.new_page()


def keyboard_walk(base, username, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = new_page(browser)
        page.goto(base + reverse("login"))  # the username field has autofocus
        page.keyboard.type(username)
        page.keyboard.press("Tab")
        seen["after_username"] = focused(page)
        page.keyboard.type("pw-for-tests-1")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state()
        seen["landed"] = page.url
        page.keyboard.press("Tab")  # the first Tab on a page reaches the skip link
        seen["skip"] = focused(page)
        page.keyboard.press("Enter")
        seen["after_skip"] = focused(page)
        page.goto(page.url)  # start again from the top of the page
        tab_to(page, lambda f: f["href"] == reverse("plan:tasks"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        seen["tasks_url"] = page.url
        seen["tasks_heading"] = page.inner_text("h1")

        visitor = new_page(browser)
        visitor.goto(base + reverse("services:catalogue"))
        tab_to(visitor, lambda f: f["tag"] == "BUTTON" and f["name"] == "mode")
        with visitor.expect_navigation():
            visitor.keyboard.press("Enter")
        seen["visitor_url"] = visitor.url
        seen["visitor_class"] = visitor.get_attribute("html", "class")
        visitor.goto(base + reverse("plan:public"))
        seen["visitor_next_page_class"] = visitor.get_attribute("html", "class")

        no_js = new_page(browser, java_script_enabled=False)
        no_js.goto(base + reverse("plan:public"))
        with no_js.expect_navigation():
            no_js.click("form.display-switch button")
        seen["no_js_class"] = no_js.get_attribute("html", "class")
        with no_js.expect_navigation():
            no_js.click("form.display-switch button")
        seen["no_js_off_class"] = no_js.get_attribute("html", "class")
        browser.close()


def in_own_thread(walk, *args):
    errors = []

    def run():
        try:
            walk(*args)
        except Exception as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=240)
    if errors:
        raise errors[0]


def test_sign_in_skip_the_header_and_reach_a_module_page_with_the_keyboard_only(live_server, reference):
    coordinator = person("plan_coordinator", "YRD")
    seen = {}
    in_own_thread(keyboard_walk, live_server.url, coordinator.username, seen)
    assert seen["after_username"]["name"] == "password"
    assert seen["landed"].endswith(reverse("plan:overview"))
    assert seen["skip"]["href"] == "#main" and seen["skip"]["text"] == "Skip to main content"
    assert seen["after_skip"]["id"] == "main"
    assert seen["tasks_url"].endswith(reverse("plan:tasks")) and seen["tasks_heading"]
    assert seen["visitor_url"].endswith(reverse("services:catalogue"))
    assert seen["visitor_class"] == "elderly" and seen["visitor_next_page_class"] == "elderly"
    assert seen["no_js_class"] == "elderly" and not seen["no_js_off_class"]


def field(name):
    return lambda f: f["name"] == name


def report_walk(base, seen):
    """The public's intake form from the first Tab to the receipt and the report's status."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = new_page(browser)
        page.goto(base + reverse("market:report"))
        tab_to(page, field("subject_name"))
        page.keyboard.type("苏州美佳食品有限公司")
        tab_to(page, field("category"))  # a closed select takes the arrow keys
        for _ in range(list(VIOLATION_CATEGORIES).index("food_safety")):
            page.keyboard.press("ArrowDown")
        tab_to(page, field("incident_city"))
        page.keyboard.type("Suzhou")  # type-ahead picks the city by its name
        tab_to(page, field("description"))
        page.keyboard.type("出售过期食品")
        tab_to(page, field("reporter_phone"))
        page.keyboard.type("13800138000")
        tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Send the report")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        seen["receipt"] = page.inner_text(".receipt")
        tab_to(page, lambda f: (f["href"] or "").startswith(reverse("market:report_status")))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        seen["status"] = page.inner_text("main")
        browser.close()


def test_a_citizen_files_a_report_and_follows_it_with_the_keyboard_only(live_server, reference):
    seen = {}
    in_own_thread(report_walk, live_server.url, seen)
    report = Report.objects.get()
    assert (report.subject_name, report.category, report.incident_city.code) == (
        "苏州美佳食品有限公司",
        "food_safety",
        "320500",
    )
    assert report.reporter_phone == "13800138000" and seen["receipt"] == report.receipt
    assert "苏州美佳食品有限公司" in seen["status"]
