"""In a real browser (Debian chromium through Playwright), with the demo loaded: the public map of
enterprises, the chain graph and the metropolitan heatmaps are drawn; the Hefei OEM's officer posts a
need, sees candidates ranked and contacts one; the regional official's disruption report draws its
chart. The browser runs in a thread of its own; the database is checked in the test's thread."""

import threading

import pytest
from django.urls import reverse

from yrd.core.demo import DEMO_PASSWORD
from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.industry import demo
from yrd.industry.models import Contact

pytestmark = pytest.mark.browser


def log_in(browser, base, username):
    context = browser.new_context(bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30000)
    page = context.new_page()
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    return page


def walk(base, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        public = browser.new_context(bypass_csp=True, locale="en-US").new_page()
        public.goto(base + reverse("industry:overview"))
        public.wait_for_selector("[data-echarts='chart-enterprise-map'][data-ready='1']")
        public.goto(base + reverse("industry:graph"))
        public.wait_for_selector("[data-echarts='chart-chain'][data-ready='1']")
        seen["public_graph"] = public.inner_text("main")
        public.goto(base + reverse("industry:metro"))
        public.wait_for_selector("[data-echarts='chart-similarity'][data-ready='1']")
        page = log_in(browser, base, "industry_oem")
        page.goto(base + reverse("industry:needs"))
        page.select_option("select[name=component]", "e-motor")
        page.fill("input[name=volume]", "50000")
        page.fill("input[name=needed_by]", "2026-01-01")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        seen["need"] = page.inner_text("main")
        page.fill("table input[name=message] >> nth=0", "Can you deliver 50,000 motors?")
        with page.expect_navigation():
            page.click("table button:has-text('Contact') >> nth=0")
        seen["contacts"] = page.inner_text("main")
        page = log_in(browser, base, "industry_region")
        page.goto(base + reverse("industry:disruption") + "?days=30")
        page.wait_for_selector("[data-echarts='chart-cities'][data-ready='1']")
        seen["disruption"] = page.inner_text("main")
        browser.close()


def test_charts_draw_and_an_oem_contacts_a_candidate(live_server, taxonomy):
    demo.load_demo()
    seen, errors = {}, []

    def run():
        try:
            walk(live_server.url, seen)
        except Exception as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=300)
    if errors:
        raise errors[0]
    assert "Share (%)" not in seen["public_graph"]
    assert "Candidate suppliers" in seen["need"] and "Shanghai Demo E-Drive" in seen["need"]
    contact = Contact.objects.get(message="Can you deliver 50,000 motors?")
    assert contact.need.customer.organisation.name_en.startswith("Hefei Demo NEV")
    assert "Suppliers whose stop costs the region most" in seen["disruption"]
