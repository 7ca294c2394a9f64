"""One remote receive-and-forward application, from a Shanghai window to a decision in Anhui, in a
real browser (Debian chromium through Playwright).

The browser runs in a thread of its own: Playwright's sync API refuses to start while another sync
instance (another app's session-wide browser fixture) is alive in the same thread. The thread only
talks HTTP to the live server; the database is checked here, in the test's thread."""

import threading

import pytest
from django.urls import reverse

from yrd.core.audit import verify_chain
from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from yrd.services.models import Application

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n% scanned household register\n%%EOF\n"


def _log_in(browser, base, username):
    context = browser.new_context(bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-for-tests-1")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    return page


def _walk(base, world, seen):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # 1. The applicant applies, choosing the Shanghai window and Anhui as the handling province.
        page = _log_in(browser, base, world.applicant.username)
        page.goto(base + reverse("services:item", args=[world.item.code]))
        page.select_option("select[name=mode]", "remote")
        # The form reloads with the channels the mode allows: remote starts at a window.
        page.wait_for_selector("select[name=channel] option[value=window]", state="attached")
        page.fill("input[name=applicant_name]", "张三")
        page.fill("input[name=applicant_id_number]", "310101199003070019")
        page.select_option("select[name=channel]", "window")
        page.select_option("select[name=receiving_window]", str(world.sh_window.pk))
        page.select_option("select[name=handling]", "340000")
        page.set_input_files(
            "input[name=material-id-card]",
            files=[{"name": "id.pdf", "mimeType": "application/pdf", "buffer": PDF}],
        )
        with page.expect_navigation():
            page.click("#apply-form button[type=submit]")
        number = page.inner_text("h1").split()[1]
        seen["number"] = number
        seen["after_apply"] = page.inner_text(".svc-state")

        # 2. The Shanghai window officer receives it (consent form taken) and forwards it to Anhui.
        page = _log_in(browser, base, world.sh_officer.username)
        page.goto(base + reverse("services:window"))
        with page.expect_navigation():
            page.click(f"text={number}")
        page.check("#do-receive input[name=consent_signed]")
        with page.expect_navigation():
            page.click("#do-receive button[type=submit]")
        page.select_option("#do-forward select[name=to_province]", "340000")
        with page.expect_navigation():
            page.click("#do-forward button[type=submit]")
        seen["after_forward"] = page.inner_text(".svc-state")

        # 3. The Anhui handling officer finds it on the handling desk, accepts, handles and decides.
        page = _log_in(browser, base, world.ah_officer.username)
        page.goto(base + reverse("services:handling"))
        with page.expect_navigation():
            page.click(f"text={number}")
        for form in ("#do-accept", "#do-start_handling"):
            with page.expect_navigation():
                page.click(f"{form} button[type=submit]")
        page.check("#do-decide input[name=approved][value=yes]")
        page.set_input_files(
            "#do-decide input[name=document]",
            files=[{"name": "decision.pdf", "mimeType": "application/pdf", "buffer": PDF}],
        )
        with page.expect_navigation():
            page.click("#do-decide button[type=submit]")
        seen["after_decide"] = page.inner_text(".svc-state")
        seen["exchanges"] = page.inner_text("#exchanges")

        # 4. The applicant follows it: decided, in their portal.
        page = _log_in(browser, base, world.applicant.username)
        page.goto(base + reverse("services:portal"))
        seen["portal"] = page.inner_text("main")
        browser.close()


def test_a_remote_application_walks_from_a_shanghai_window_to_a_decision_in_anhui(live_server, world):
    seen, errors = {}, []

    def run():
        try:
            _walk(live_server.url, world, seen)
        except Exception as error:  # re-raised in the test's thread below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=180)
    if errors:
        raise errors[0]
    assert seen["after_apply"] == "Submitted"
    assert seen["after_forward"] == "Forwarded to the competent authority"
    assert seen["after_decide"] == "Decided"
    assert "Forward" in seen["exchanges"] and "Decision" in seen["exchanges"]
    assert seen["number"] in seen["portal"] and "Decided" in seen["portal"]

    application = Application.objects.get(number=seen["number"])
    assert application.state == "decided" and application.decision == "approved"
    assert [(e.kind, e.sender_province, e.receiver_province) for e in application.exchanges.all()] == [
        ("forward", "310000", "340000"),
        ("decision", "340000", "310000"),
    ]
    assert application.consent_signed and application.materials.filter(role="decision").exists()
    assert verify_chain() is None
