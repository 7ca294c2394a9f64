"""axe-core (axe-playwright-python) on a representative page set of every module, in both
languages, over the demo data: public pages as a stranger, officer pages signed in as the demo
administrator. Any serious or critical violation fails the test, listed by page, rule and node.

The browser runs in a thread of its own; the demo data is loaded and the session made in the test's
thread (axe.py)."""

import pytest
from django.conf import settings
from django.urls import reverse

from yrd.core import display
from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

from .axe import BROWSER_LOCALE, LANGUAGES, blocking_violations, describe, in_own_thread, load_demo_data, session_cookie

pytestmark = pytest.mark.browser

# About two pages per module, chosen to cover each kind of page: lists, forms, charts, maps.
PUBLIC_PAGES = [
    "home",
    "login",
    "plan:public",
    "services:catalogue",
    "services:stats",
    "green:overview",
    "green:storage",
    "transport:hubs",
    "lowalt:map",
    "market:report",
    "market:access",
    "industry:overview",
    "culture:catalogue",
    "culture:bid",
    "innovation:overview",
]
OFFICER_PAGES = [
    "core:inbox",
    "plan:overview",
    "plan:tasks",
    "services:desk",
    "services:portal",
    "green:my-sites",
    "transport:shipments",
    "emergency:desk",
    "emergency:warehouses",
    "lowalt:queue",
    "market:queue",
    "industry:weak-points",
    "innovation:fund",
]
# The elderly-friendly display changes colours and layout: its public and applicant pages are
# checked again with it on (the applicant's portal signed in as the demo administrator).
ELDERLY_PAGES = [
    ("plan:public", False),
    ("services:catalogue", False),
    ("market:report", False),
    ("services:portal", True),
]
RUNS = [(False, False, PUBLIC_PAGES), (True, False, OFFICER_PAGES)] + [
    (signed_in, True, [name]) for name, signed_in in ELDERLY_PAGES
]


def check_pages(base, session, found, checked):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for language in LANGUAGES:
            for signed_in, elderly, names in RUNS:
                context = browser.new_context(
                    bypass_csp=True, locale=BROWSER_LOCALE[language], viewport={"width": 1280, "height": 900}
                )
                context.set_default_timeout(20000)
                cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
                if elderly:
                    cookies.append({"name": display.COOKIE, "value": display.ELDERLY, "url": base})
                if signed_in:
                    cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base})
                context.add_cookies(cookies)
                page = context.new_page()
                for name in names:
                    response = page.goto(base + reverse(name))
                    assert response.status == 200, (name, language, response.status)
                    assert page.get_attribute("html", "lang") == ("en" if language == "en" else "zh-CN")
                    assert (page.get_attribute("html", "class") == "elderly") == elderly
                    label = f"{name} (elderly)" if elderly else name
                    checked.append((label, language))
                    for violation in blocking_violations(page):
                        found.append((label, language, *violation))
                context.close()
        browser.close()


def test_no_serious_or_critical_axe_violation_on_any_checked_page_in_either_language(live_server, transactional_db):
    load_demo_data()
    session = session_cookie("admin")
    found, checked = [], []
    in_own_thread(lambda: check_pages(live_server.url, session, found, checked), timeout=600)
    pages = len(PUBLIC_PAGES) + len(OFFICER_PAGES) + len(ELDERLY_PAGES)
    print(
        f"\naxe: {pages} page views x {len(LANGUAGES)} languages = {len(checked)} checks, {len(found)} serious/critical"
    )
    assert len(checked) == pages * len(LANGUAGES)
    assert not found, f"{len(found)} serious/critical axe violations:\n" + describe(found)
