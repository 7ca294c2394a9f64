"""What the every-page axe sweep (test_accessibility_sweep.py) uses: the languages, what counts as
blocking, the demo data, sessions made in the test's thread, axe's run on a page, the report, and
running the browser in a thread of its own (Playwright's sync API refuses to start next to another
app's session-wide browser)."""

import threading

from django.conf import settings
from django.test import Client

from yrd.core.models import User
from yrd.core.registry import registry

LANGUAGES = ("zh-hans", "en")
BROWSER_LOCALE = {"zh-hans": "zh-CN", "en": "en-US"}
BLOCKING = {"serious", "critical"}


def load_demo_data():
    for _label, load in registry.loaders("reference"):
        load()
    for _label, load in registry.loaders("demo"):
        load()


def session_cookie(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def blocking_violations(page):
    """[(rule, impact, help, [node targets])] for each serious or critical axe violation on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["impact"], v["help"], [" ".join(map(str, node["target"])) for node in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


def describe(found):
    return "\n".join(
        f"{name} [{language}] {rule} ({impact}): {help_text}\n    " + "\n    ".join(nodes[:8])
        for name, language, rule, impact, help_text, nodes in found
    )


def in_own_thread(work, timeout):
    """Run `work()` in a thread of its own; an exception it raises is raised again here."""
    errors = []

    def run():
        try:
            work()
        except Exception as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=timeout)
    if errors:
        raise errors[0]
