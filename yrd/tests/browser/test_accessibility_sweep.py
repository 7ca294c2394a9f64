"""axe-core (axe-playwright-python) on every page, in both languages, over the demo data. Any serious
or critical violation fails the test, listed by page, rule and node.

"Every page" is read from the URL conf, so a new page joins without anyone listing it: every named
URL pattern outside the API and Django's admin is either a page the sweep reached and checked, or an
endpoint that is not a page (it refuses GET, answers with a file or JSON, or redirects), or one of
the few listed in NOT_PAGES with the reason. The pages are found first, with Django's test client:
each persona in turn (a stranger, the public's people, officers, the superuser) starts from every
pattern that takes no argument and follows the links and forms each page shows, visiting each
pattern once, until no link leads to a pattern it has not visited; a pattern none of them reached
fails the test, naming it. Then the browser checks each page once per language, as the first persona
that saw it, and the public and applicant pages once more in the elderly-friendly display.

To stay fast the browser only checks pages (finding them needs no rendering): one browser and one
page object for everything, personas signed in by session cookie (made in the test's thread). The
sweep takes minutes, so it runs in the SQLite leg of CI only: the PostgreSQL leg runs the same pages
(the views do not depend on the database) and skips it, saying so.

The browser runs in a thread of its own; the demo data is loaded, the pages found and the sessions
made in the test's thread (axe.py)."""

import re
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from yrd.core import display
from yrd.core.models import User
from yrd.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

from .axe import BROWSER_LOCALE, LANGUAGES, blocking_violations, describe, in_own_thread, load_demo_data, session_cookie

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="the every-page axe sweep takes minutes: it runs in the SQLite leg of CI (views are the same)",
    ),
]

# Namespaces that are not pages of the platform: the JSON API (its schema is tested by the API
# tests) and Django's own admin (staff only, Django's templates).
OTHER_NAMESPACES = ("api", "admin")
# Named patterns that are no page, whatever a GET would answer, with the reason.
NOT_PAGES = {
    "logout": "signs out (POST)",
    "set_language": "switches the language (POST)",
    "javascript-catalog": "the JavaScript translation catalogue",
    "core:display-mode": "switches the display mode (POST)",
    # Files as they were uploaded (the demo uploads none; a link to one is followed as a download).
    "culture:file": "an uploaded file (a site's attachment)",
    "market:evidence": "an uploaded file (a report's evidence)",
    "plan:evidence": "an uploaded file (a progress report's evidence)",
    # Fragments a page fetches with htmx.
    "green:scenario-progress": "the progress fragment a planning scenario's page polls (htmx) while it solves",
}
NOT_PAGE_PREFIXES = {"market:open311_": "the Open311 API (JSON and XML), tested by market's own tests"}
# Pages the sweep does not reach: no link from a reached page leads to them over the demo data, with
# the reason. A page missing from here and unreached fails the test.
NOT_REACHED_YET: dict[str, str] = {}


def remote_window_on_booking_day() -> str:
    """The remote window shows today by default, and the demo's bookings are on the next working day
    once today's sessions are over (after 15:30 in Shanghai): open it on their day."""
    from yrd.services.models import RemoteBooking

    first = RemoteBooking.objects.filter(is_demo=True).select_related("slot").order_by("slot__starts_at").first()
    return f"{reverse('services:remote')}?day={timezone.localdate(first.slot.starts_at)}"


# Personas, in order, each with the page it starts from (a view name, or a function giving its path;
# its own page first, then every pattern that takes no argument): a stranger first, then the public's
# people (applicants, a reporter, a visitor), then officers with the roles that show their pages, the
# demo superuser last. A page is checked as the first persona that sees it: the public's view of a
# page before an officer's.
PERSONAS = {
    None: None,
    "applicant_zhang": "services:portal",
    "reporter_li": "market:my_reports",
    "culture_visitor": None,
    "owner_31": "plan:my-reports",  # a task owner reports progress
    "coordinator": "plan:reviews",  # reviews reports, freezes baselines
    "window_sh": remote_window_on_booking_day,  # a window officer checks in remote sessions, receives applications
    "handler_ah": "services:remote",  # a handling officer decides, offers remote slots
    "regulator_sh": "market:queue",  # cases routed to a regulator
    "em_coordinator": "emergency:desk",  # allocation runs
    "green_reporter": "green:my-sites",  # a factory's yearly and monthly figures
    "culture_sz": None,  # a city officer edits its sites
    "culture_office": "culture:bid",  # the joint heritage bid
    "industry_oem": None,  # a company's own records
    "admin": None,
}
# The elderly-friendly display changes colours and layout: its public and applicant pages are
# checked again with it on, as the persona named.
ELDERLY_PAGES = [
    ("plan:public", None),
    ("services:catalogue", None),
    ("market:report", None),
    ("services:item", "applicant_zhang"),
    ("services:portal", "applicant_zhang"),
    ("services:application", "applicant_zhang"),
]
FILE_ROUTE = re.compile(r"\.[a-z<]")  # a route whose last part has an extension: a file, not a page


def named_patterns(patterns=None, namespace=""):
    """(view name, pattern) of every named URL pattern."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def platform_patterns() -> dict:
    return {
        name: pattern
        for name, pattern in named_patterns()
        if name.split(":")[0] not in OTHER_NAMESPACES
        and name not in NOT_PAGES
        and not name.startswith(tuple(NOT_PAGE_PREFIXES))
    }


def view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


class LinkParser(HTMLParser):
    """The targets of a page's links and forms, as written (an SVG link's href too)."""

    def __init__(self):
        super().__init__()
        self.targets = []

    def handle_starttag(self, tag, attrs):
        wanted = {"a": "href", "form": "action"}.get(tag)
        target = dict(attrs).get(wanted) if wanted else None
        if target:
            self.targets.append(target)


def links(path: str, html: str) -> list[str]:
    """The platform paths a page links to or posts to (with their query, but not the page number)."""
    parser = LinkParser()
    parser.feed(html)
    found = []
    for target in parser.targets:
        parts = urlsplit(urljoin(path, target))
        if parts.scheme in ("", "http") and parts.netloc in ("", "testserver"):
            found.append(parts.path + (f"?{parts.query}" if parts.query and "page=" not in parts.query else ""))
    return found


class Crawl:
    """Which page views there are, read in the test's thread with Django's test client: every persona
    in turn starts from every pattern that takes no argument and follows the links and forms each page
    shows, visiting each pattern once (the first path that leads there), also the patterns an earlier
    persona reached: what a page links to depends on who reads it. A pattern is checked as the first
    persona that saw it as a page."""

    def __init__(self, patterns):
        self.patterns = patterns
        self.pages = {}  # view name -> (persona, path) of the page view to check
        self.seen = {}  # (persona, view name) -> path of that persona's page view
        self.not_pages = {}  # view name -> why it is no page (refuses GET, not HTML, redirects)
        self.redirects = {}  # view name -> where it sent the last persona that tried it

    def seeds(self) -> list[str]:
        paths = []
        for name, pattern in self.patterns.items():
            if not pattern.pattern.converters:
                try:
                    paths.append(reverse(name))
                except NoReverseMatch:  # a pattern without converters that still needs arguments
                    continue
        return paths

    def run(self, persona, start=None):
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = LANGUAGES[0]
        if persona:
            client.force_login(User.objects.get(username=persona))
        first = [start() if callable(start) else reverse(start)] if start else []
        queue, visited = first + self.seeds(), set()
        while queue:
            path = queue.pop(0)
            name = view_name(path.split("?")[0])
            if name not in self.patterns or name in visited or name in self.not_pages:
                continue
            visited.add(name)
            response = client.get(path)
            kind = response.get("Content-Type", "")
            if response.status_code == 405:
                self.not_pages[name] = "refuses GET"
            elif response.status_code in (301, 302, 303, 307, 308):
                self.redirects[name] = f"redirects to {view_name(urlsplit(response['Location']).path)}"
            elif response.status_code != 200:
                pass  # this persona may not see it; another may
            elif "text/html" not in kind or response.has_header("Content-Disposition"):
                self.not_pages[name] = "a download" if response.has_header("Content-Disposition") else kind
            else:
                self.seen[(persona, name)] = path
                self.pages.setdefault(name, (persona, path))
                queue.extend(links(path, response.content.decode()))
            response.close()

    def finish(self):
        for name, where in self.redirects.items():
            if name not in self.pages:
                self.not_pages.setdefault(name, where)


class Sweep:
    """One browser, one page; personas switched by cookie. Checks the page views the crawl found."""

    def __init__(self, base, sessions, pages, elderly_pages):
        self.base, self.sessions, self.pages, self.elderly_pages = base, sessions, pages, elderly_pages
        self.found = []  # (label, language, rule, impact, help, nodes)

    def use(self, context, persona, language, elderly=False):
        context.clear_cookies()
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": self.base}]
        if elderly:
            cookies.append({"name": display.COOKIE, "value": display.ELDERLY, "url": self.base})
        if persona:
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": self.sessions[persona], "url": self.base})
        context.add_cookies(cookies)

    def visit(self, page, path, language, label, elderly=False):
        """Open the page and check it (it must load)."""
        response = page.goto(self.base + path)
        assert response is not None and response.status == 200, (label, path, language)
        self.check(page, language, label, elderly)

    def check(self, page, language, label, elderly=False):
        """axe's serious and critical violations, and the platform's own rules for every page: the
        language of the page is the one chosen, and so is the display."""
        lang = page.get_attribute("html", "lang")
        if lang != ("en" if language == "en" else "zh-CN"):
            self.found.append((label, language, "yrd-html-lang", "serious", f"html lang is {lang!r}", ["html"]))
        if (page.get_attribute("html", "class") == "elderly") != elderly:
            self.found.append((label, language, "yrd-display", "serious", "the display mode is not the chosen one", []))
        for violation in blocking_violations(page):
            self.found.append((label, language, *violation))

    def run(self):
        from playwright.sync_api import sync_playwright

        by_persona = {}
        for name, (persona, path) in self.pages.items():
            by_persona.setdefault(persona, []).append((name, path))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(
                bypass_csp=True, locale=BROWSER_LOCALE[LANGUAGES[0]], viewport={"width": 1280, "height": 900}
            )
            context.set_default_timeout(20000)
            page = context.new_page()
            for language in LANGUAGES:
                for persona, views in by_persona.items():
                    self.use(context, persona, language)
                    for name, path in views:
                        self.visit(page, path, language, name)
                for name, persona, path in self.elderly_pages:
                    self.use(context, persona, language, elderly=True)
                    self.visit(page, path, language, f"{name} (elderly)", elderly=True)
            context.close()
            browser.close()


def classify_unreached(names, patterns) -> dict:
    """Patterns the crawl did not reach: a GET with made-up arguments tells endpoints that refuse
    GET (405) from pages nobody links to."""
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    refused = {}
    for name in names:
        last = str(patterns[name].pattern).rstrip("/").rsplit("/", 1)[-1]
        if FILE_ROUTE.search(last):
            refused[name] = "a file"
            continue
        converters = patterns[name].pattern.converters
        kwargs = {key: 987654 if converter.regex == "[0-9]+" else "zz-none" for key, converter in converters.items()}
        try:
            path = reverse(name, kwargs=kwargs)
        except Exception:
            continue
        response = client.get(path)
        if response.status_code == 405:
            refused[name] = "refuses GET"
        elif "text/html" not in response.get("Content-Type", ""):
            refused[name] = response.get("Content-Type", "")
    return refused


def test_no_serious_or_critical_axe_violation_on_any_page_in_either_language(live_server, transactional_db):
    load_demo_data()
    patterns = platform_patterns()
    started = time.monotonic()
    crawl = Crawl(patterns)
    for persona, start in PERSONAS.items():
        crawl.run(persona, start)
    crawl.finish()
    unreached = sorted(set(patterns) - set(crawl.pages) - set(crawl.not_pages))
    crawl.not_pages.update(classify_unreached(unreached, patterns))
    unreached = [name for name in unreached if name not in crawl.not_pages]
    elderly = [(name, persona, crawl.seen[(persona, name)]) for name, persona in ELDERLY_PAGES]
    sessions = {persona: session_cookie(persona) for persona in PERSONAS if persona}
    sweep = Sweep(live_server.url, sessions, crawl.pages, elderly)
    found_in = time.monotonic() - started
    in_own_thread(sweep.run, timeout=1500)
    checked_in = time.monotonic() - started - found_in
    checks = (len(crawl.pages) + len(elderly)) * len(LANGUAGES)
    print(
        f"\naxe: {len(crawl.pages)} pages x {len(LANGUAGES)} languages + {len(elderly)} elderly x"
        f" {len(LANGUAGES)} = {checks} checks, {len(sweep.found)} serious/critical;"
        f" {len(crawl.not_pages)} named endpoints are no page: {sorted(crawl.not_pages.items())}"
    )
    by_persona = {p: sum(1 for o, _ in crawl.pages.values() if o == p) for p in PERSONAS}
    print(f"checked by persona: {by_persona}; pages found in {found_in:.0f} s, checked in {checked_in:.0f} s")
    print(f"not reached (listed): {sorted(NOT_REACHED_YET.items())}")
    print(describe(sweep.found))
    reached_now = sorted(set(NOT_REACHED_YET) & (set(crawl.pages) | set(crawl.not_pages)))
    assert not reached_now, f"{reached_now} are reached now: take them out of NOT_REACHED_YET."
    unreached = [name for name in unreached if name not in NOT_REACHED_YET]
    assert not unreached, (
        f"{len(unreached)} named URL patterns were reached by no persona's links, nor refuse GET: {unreached}."
        " Link the page from one that is reached, or list it in NOT_PAGES with the reason."
    )
    assert not sweep.found, f"{len(sweep.found)} serious/critical axe violations:\n" + describe(sweep.found)
