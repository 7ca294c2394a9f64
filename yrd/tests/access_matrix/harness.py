"""Enumerate every page and API operation, fill its URL parameters, ask it as each persona, and
classify the answer as reached (+), refused (-) or broken (E, a 5xx).

Refused: 401, 403, 404 (a hidden object) or a redirect to the login page. Everything else counts as
reached: 200, a redirect elsewhere, and 400/409/422 (the request got past the access gate to
validation). Pages are asked with GET, or an empty POST when GET answers 405 or a redirect elsewhere; API operations
with their own method and an empty JSON body, so an API write that validates its body before its
role check is "reached" for every signed-in persona (its role check is the write's own and is
tested by the module)."""

import re
from dataclasses import dataclass

from django.test import Client
from django.urls import URLResolver, get_resolver

from yrd.api import api

ADMIN = "admin/"
PLACEHOLDER = {"int": "987654", "str": "zz-none", "slug": "zz-none", "path": "zz-none", "": "zz-none"}


@dataclass(frozen=True)
class Endpoint:
    key: str  # "page plan/tasks/<int:pk>/" or "api GET /api/plan/tasks/{task_id}"
    kind: str  # "page" or "api"
    method: str
    route: str
    module: str


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def page_module(route: str) -> str:
    head = route.split("/", 1)[0]
    return head if head in MODULES else "core"


def api_module(path: str) -> str:
    parts = path.split("/")
    return parts[2] if len(parts) > 3 and parts[2] in MODULES else "core"


MODULES = (
    "core",
    "plan",
    "services",
    "green",
    "transport",
    "emergency",
    "lowalt",
    "market",
    "industry",
    "culture",
    "innovation",
)


def endpoints() -> list[Endpoint]:
    """Every page (Django URL pattern, the admin apart) and every API operation, once."""
    found = []
    for route in dict.fromkeys(_walk(get_resolver().url_patterns)):
        if route.startswith(("api/", ADMIN)):
            continue
        found.append(Endpoint(f"page {route}", "page", "GET", route, page_module(route)))
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method in operations:
            key = f"api {method.upper()} {path}"
            found.append(Endpoint(key, "api", method.upper(), path, api_module(path)))
    return found


def admin_routes() -> list[str]:
    return [r for r in dict.fromkeys(_walk(get_resolver().url_patterns)) if r.startswith(ADMIN)]


_DJANGO_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(\w+)>[^)]*\)")
_API_PARAM = re.compile(r"\{(?:(\w+):)?(\w+)\}")


def fill(route: str, values: dict) -> str:
    """The route with each parameter replaced by `values[name]`, or a value naming nothing."""

    def value(converter, name):
        return str(values.get(name, PLACEHOLDER.get(converter or "", "zz-none")))

    if route.startswith("/api/") or route.startswith("/"):
        return _API_PARAM.sub(lambda m: value(m.group(1), m.group(2)), route)
    if "(?P<" in route:  # a regular-expression route (re_path)
        url = _REGEX_PARAM.sub(lambda m: value("", m.group(1)), route)
        return "/" + url.replace("^", "").replace("$", "").replace("\\.", ".")
    return "/" + _DJANGO_PARAM.sub(lambda m: value(m.group(1), m.group(2)), route)


def outcome(response) -> str:
    status = response.status_code
    if status >= 500:
        return "E"
    if status in (401, 403, 404):
        return "-"
    if status in (301, 302, 303) and "/login/" in response.get("Location", ""):
        return "-"
    return "+"


def ask(client: Client, endpoint: Endpoint, url: str):
    if endpoint.kind == "page":
        # A page that only takes POST answers GET with 405 or a redirect to somewhere else (its
        # object's page): ask it with an empty form then, whose answer says whether the gate let
        # the person through.
        response = client.get(url)
        if response.status_code == 405 or (response.status_code in (301, 302, 303) and outcome(response) == "+"):
            posted = client.post(url, {})
            if posted.status_code != 405:
                return posted
        return response
    send = getattr(client, endpoint.method.lower())
    if endpoint.method == "GET":
        return send(url)
    return send(url, data="{}", content_type="application/json")


def clients(people: dict) -> dict:
    """One client per persona, signed in once (None: anonymous)."""
    made = {}
    for name, user in people.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        made[name] = client
    return made
