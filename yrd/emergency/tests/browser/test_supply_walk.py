"""From stock to delivery in a real browser (Debian chromium through Playwright): an operator receives
tents, a coordinator allocates them to a life-saving request and confirms, the operator dispatches
(the transport module books the route), the site confirms what arrived; the readiness map draws.

The browser runs in a thread of its own (Playwright's sync API refuses to share a thread with another
sync instance); the thread only talks HTTP to the live server, the database is checked here."""

import threading

import pytest
from django.urls import reverse

from yrd.core.audit import verify_chain
from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.emergency.models import Commitment, SupplyRequest
from yrd.emergency.tests import factories as f

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


def _walk(base, world, request_number, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # 1. The Ningbo operator receives 50 tents from a donor.
        page = _log_in(browser, base, world.nb_operator.username)
        page.goto(base + reverse("emergency:warehouse", args=["ZJ-NB01"]))
        page.fill("#receipt-form input[name=counterpart]", "企业捐赠")
        page.select_option("#receipt-form select[name=item_1]", "family-tent")
        page.fill("#receipt-form input[name=quantity_1]", "50")
        page.fill("#receipt-form input[name=lot_1]", "NB-T-1")
        with page.expect_navigation():
            page.click("#receipt-form button[type=submit]")
        seen["receipt"] = page.inner_text("h1")

        # 2. The coordinator runs allocation for the region and confirms it.
        page = _log_in(browser, base, world.coordinator.username)
        page.goto(base + reverse("emergency:desk"))
        with page.expect_navigation():
            page.click("#run-form button[type=submit]")
        seen["run"] = page.inner_text("main")
        with page.expect_navigation():
            page.click("#confirm-form button[type=submit]")

        # 3. The operator dispatches the commitment: the platform books the transport (30 tents,
        #    0.75 t by the catalogue).
        page = _log_in(browser, base, world.nb_operator.username)
        number = Commitment.objects.values_list("number", flat=True).get()
        page.goto(base + reverse("emergency:commitment", args=[number]))
        seen["load"] = page.input_value("#dispatch-form input[name=tonnes]")
        with page.expect_navigation():
            page.click("#dispatch-form button[type=submit]")

        # 4. The site confirms: 29 in good order, one damaged.
        page = _log_in(browser, base, world.requester.username)
        page.goto(base + reverse("emergency:commitment", args=[number]))
        page.fill("#receive-form input[name^=received_]", "29")
        page.fill("#receive-form input[name^=damaged_]", "1")
        with page.expect_navigation():
            page.click("#receive-form button[type=submit]")
        seen["received"] = page.inner_text("h1")

        # 5. The readiness map draws for the coordinator.
        page = _log_in(browser, base, world.coordinator.username)
        page.goto(base + reverse("emergency:readiness"))
        page.wait_for_selector("#readiness-map[data-ready='1']")
        seen["readiness"] = page.inner_text(".kpis")
        browser.close()


def test_tents_go_from_a_donor_to_a_life_saving_site_through_the_pages(live_server, world):
    request = f.site_request(f.incident(), {world.tent: 30}, priority=1)
    seen, errors = {}, []

    def run():
        try:
            _walk(live_server.url, world, request.number, seen)
        except Exception as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=240)
    if errors:
        raise errors[0]
    assert seen["receipt"].startswith("Receipt ZJ-NB01-000001")
    assert "ZJ-NB01" in seen["run"] and "nearest 1 of 1" in seen["run"]
    assert "Received" in seen["received"]
    assert "of cities reachable with every core supply" in seen["readiness"]
    commitment = Commitment.objects.get()
    pick = commitment.lines.get().picks.get()
    assert seen["load"] == "0.750"
    assert (commitment.status, commitment.shipment_booked, pick.received, pick.damaged) == ("received", True, 29, 1)
    assert commitment.shipment.startswith("SH-")
    assert SupplyRequest.objects.get().status == "open"  # one tent short: needed again
    assert verify_chain() is None
