"""Every map says what its base map is (issue 7, maps): the approval number (审图号) of an approved
base map when the deployment sets MAP_APPROVAL_NUMBER, otherwise that it is schematic; and no page
loads map data or scripts from outside the platform."""

import re
import threading
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

YRD = Path(__file__).resolve().parents[1]


def test_the_footer_says_maps_are_schematic_without_an_approval_number(client, reference):
    assert "Schematic map, not an approved base map" in client.get(reverse("transport:hubs")).content.decode()


@override_settings(MAP_APPROVAL_NUMBER="GS(2026)0001号")
def test_the_footer_gives_the_approval_number_when_there_is_one(client, reference):
    page = client.get(reverse("transport:hubs")).content.decode()
    assert "Base map approval number: GS(2026)0001号" in page and "not an approved base map" not in page


def test_no_template_or_script_loads_anything_from_outside():
    external = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//""", re.IGNORECASE)
    fetches = re.compile(r"""(fetch|import|XMLHttpRequest)\s*\(\s*["']https?://""")
    offenders = []
    for path in [*YRD.glob("*/templates/**/*.html"), *YRD.glob("*/static/*/*.js")]:
        if "vendor" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if external.search(text) or fetches.search(text):
            offenders.append(str(path.relative_to(YRD)))
    assert offenders == []


def _map_note(base, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(bypass_csp=True, locale="en-US").new_page()
        page.set_default_timeout(20000)
        outside = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
        page.goto(base + reverse("transport:hubs"))
        page.wait_for_selector("[data-map-url][data-ready='1']")
        seen["note"] = page.locator("[data-map-url] + .map-note").first.inner_text()
        seen["outside"] = [u for u in outside if not u.startswith("data:")]
        browser.close()


@pytest.mark.browser
@override_settings(MAP_APPROVAL_NUMBER="GS(2026)0001号")
def test_a_drawn_map_carries_the_note_under_it_and_fetches_nothing_outside(live_server, reference):
    seen = {}
    thread = threading.Thread(target=_map_note, args=(live_server.url, seen))
    thread.start()
    thread.join(120)
    assert seen["note"] == "Base map approval number: GS(2026)0001号"
    assert seen["outside"] == []
