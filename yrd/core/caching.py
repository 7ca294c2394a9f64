"""Caching of read-heavy pages. Every write goes through a service that appends to the audit
chain, and each entry moves the data version of the module it is about (core.audit.data_version):
a cached value keyed by the versions of the modules it reads is never served after a write to them.
A short timeout covers edits made outside the services (the Django admin)."""

import hashlib
import hmac
import re
from functools import lru_cache, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, _unmask_cipher_token, get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from yrd.core.audit import data_version
from yrd.core.display import mode_of

TIMEOUT = 300


def cached_for(user, name, compute, timeout=TIMEOUT, *, reads=None):
    """`compute()` once per reader, language, day and data version of the modules it `reads` (with
    core; every module when None)."""
    reader = user.pk if user.is_authenticated else "public"
    key = f"yrd:{name}:{reader}:{get_language()}:{timezone.localdate()}:{_version(reads)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def cached(name, compute, timeout=TIMEOUT, *, per_version=True, reads=None):
    """`compute()` shared by every reader, for what is the same for everyone (the language is the
    caller's business, in `name`): once per data version of the modules it `reads` (with core; every
    module when None), or, with per_version=False, once per `timeout` seconds whatever is written
    meanwhile (statistics over millions of rows, which a busy platform would otherwise recount after
    every write)."""
    key = f"yrd:{name}:{_version(reads) if per_version else 'timed'}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _version(reads, *, public=False) -> str:
    if reads is None:
        return str(data_version(public=public))
    modules = sorted({"core", *reads})
    return f"{'+'.join(modules)}={data_version(modules, public=public)}"


# --- Whole responses for anonymous readers ----------------------------------------------------
#
# A transparency page is read by the whole region the day a report is published. `public_cache`
# serves a public page or API list to anonymous readers from the shared cache, keyed by path,
# query, language, display mode and the data version, so a stored copy is never served after a
# write; it answers conditional requests with 304. Only what is the same for every anonymous
# reader is stored: a response is kept only when it was made for a request without a session
# cookie, came back 200, set no cookie and did not change the session. Pages carry a CSRF token in
# their forms: the copy is rendered with a token of a secret known only to this module, the token
# is replaced by a placeholder in the stored bytes, and each reader gets their own token back in.

SHARED_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")
VARY = ("Accept-Language", "Cookie", "Authorization")
TOKEN = re.compile(rb"\b[A-Za-z0-9]{%d}\b" % (2 * CSRF_SECRET_LENGTH))


def _shared_secret() -> str:
    """A CSRF secret used only to render stored copies (never given to anyone as their secret)."""
    return _secret_of(settings.SECRET_KEY)


def _placeholder() -> bytes:
    return b"yrd-csrf-" + _shared_secret()[:16].encode()


@lru_cache(maxsize=2)
def _secret_of(secret_key: str) -> str:  # once per process, not per request
    digest = hmac.new(secret_key.encode(), b"yrd.public_cache.csrf", hashlib.sha256).digest()
    return "".join(CSRF_ALLOWED_CHARS[b % len(CSRF_ALLOWED_CHARS)] for b in digest)[:CSRF_SECRET_LENGTH]


def public_cache(view=None, *, reads=()):
    """Decorator for a view (or, with `ninja.decorators.decorate_view`, an API operation) whose
    answer to an anonymous GET is the same for every anonymous reader. The copy is keyed by the
    public data version of the view's own module, core, and the modules named in `reads` (those
    whose public functions the view calls): `@public_cache` or `@public_cache(reads=("services",))`."""
    if view is None:
        return lambda view: public_cache(view, reads=reads)
    modules = (_module_of(view), *reads)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _anonymous_read(request):
            response = view(request, *args, **kwargs)
            patch_vary_headers(response, VARY)
            patch_cache_control(response, private=True)
            return response
        # The version before the view reads anything: a copy is never older than its key.
        place = _place(request)
        key = f"yrd:response:{_version(modules, public=True)}:{place}"
        stored = _stored_copy(key)
        if stored is None:
            response, stored = _render_once(view, request, args, kwargs, key, place)
            if response is not None:
                return response
        return _serve(request, stored)

    wrapper.public_cache = True
    return wrapper


def _local_cache():
    """This process's memory in front of a shared cache ("local", set up with CACHE_URL), or None.
    A key names a data version, so a copy kept in one process is never older than its key."""
    return caches["local"] if "local" in settings.CACHES else None


def _stored_copy(key: str):
    """The copy under `key`, from this process's memory first, then from the shared cache (kept in
    memory for the next reader)."""
    local = _local_cache()
    stored = local.get(key) if local is not None else None
    if stored is None:
        stored = cache.get(key)
        if stored is not None and local is not None:
            local.set(key, stored, TIMEOUT)
    return stored


def _module_of(view) -> str:
    """The app label of the module a view is written in (yrd.<label>.views...); for an API operation
    (decorate_view hands over ninja's `operation.run`), the module of the operation's function."""
    view = getattr(getattr(view, "__self__", None), "view_func", view)
    parts = view.__module__.split(".")
    if parts[0] != "yrd" or len(parts) < 3:
        raise ValueError(f"public_cache: {view.__module__}.{view.__name__} is not in a yrd module.")
    return parts[1]


# One reader renders a page that went stale; readers arriving meanwhile get the copy before it (a
# moment old) instead of each rendering the same page again, which on a busy day queues every
# request behind a burst of identical renderings. A rendering that outlives this frees the claim.
RENDERING_SECONDS = 10


def _render_once(view, request, args, kwargs, key, place):
    """(response, None) when this reader rendered the page, (None, stored copy) when it is served an
    earlier copy while another reader renders it. `latest` names the key of the newest copy."""
    latest = f"yrd:response:latest:{place}"
    claim = f"{key}:rendering"
    claimed = cache.add(claim, True, RENDERING_SECONDS)
    if not claimed:
        earlier_key = cache.get(latest)
        earlier = _stored_copy(earlier_key) if earlier_key else None
        if earlier is not None:
            return None, earlier
    try:
        response, stored = _render_shared(view, request, args, kwargs)
        if stored is not None:
            cache.set_many({key: stored, latest: key}, TIMEOUT)
            local = _local_cache()
            if local is not None:
                local.set(key, stored, TIMEOUT)
    finally:
        if claimed:
            cache.delete(claim)
    return response, None


def _anonymous_read(request) -> bool:
    if not getattr(settings, "PUBLIC_CACHE", True) or request.method != "GET":
        return False
    if "HTTP_AUTHORIZATION" in request.META or "HTTP_HX_REQUEST" in request.META:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _place(request) -> str:
    """What, besides the data, makes one anonymous copy differ from another."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    where = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    # The day too: pages that show "today" (a default date, what is late) turn over at midnight.
    return f"{timezone.localdate()}:{get_language()}:{mode_of(request)}:{where}"


def _render_shared(view, request, args, kwargs):
    """Run the view for the stored copy; (response, stored copy or None when it may not be shared)."""
    had_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    own = ("CSRF_COOKIE", "CSRF_COOKIE_NEEDS_UPDATE")
    saved = {name: request.META.pop(name) for name in own if name in request.META}
    request.META["CSRF_COOKIE"] = _shared_secret()
    try:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response.render()
    finally:
        request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
        request.META.pop("CSRF_COOKIE", None)
        request.META.update(saved)
    stored = None
    if not had_session and _shareable(request, response):
        stored = _store(response.content)
        stored["headers"] = {name: response[name] for name in SHARED_HEADERS if response.has_header(name)}
    # The reader of this request gets the copy too, with their own token in it.
    return (_serve(request, stored) if stored is not None else _unshared(request, response)), stored


def _shareable(request, response) -> bool:
    session = getattr(request, "session", None)
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (session is not None and session.modified)
        and "private" not in control
        and "no-store" not in control
    )


def _unshared(request, response):
    """A response that may not be stored (an error page, one that set a cookie) goes to its reader
    alone, with the reader's own CSRF token in place of the shared secret's."""
    if not response.streaming:
        copy = _store(response.content)
        if copy["csrf"]:
            response.content = copy["body"].replace(_placeholder(), get_token(request).encode())
    patch_vary_headers(response, VARY)
    patch_cache_control(response, private=True)
    return response


def _store(body: bytes) -> dict:
    secret, placeholder = _shared_secret(), _placeholder()
    found = False

    def swap(match):
        nonlocal found
        token = match.group().decode()
        if _unmask_cipher_token(token) != secret:
            return match.group()
        found = True
        return placeholder

    body = TOKEN.sub(swap, body)
    return {"body": body, "csrf": found, "hash": hashlib.sha256(body).hexdigest()[:20]}


def _serve(request, stored: dict, response=None):
    body, tag = stored["body"], stored["hash"]
    if stored["csrf"]:
        # The reader's own token (a first visit gets a new secret, and its cookie from the CSRF
        # middleware); the ETag names the secret too, so a copy is current only for its reader.
        body = body.replace(_placeholder(), get_token(request).encode())
        tag += "-" + hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest()[:8]
    etag = f'W/"{tag}"'
    if etag in [t.strip() for t in request.META.get("HTTP_IF_NONE_MATCH", "").split(",")]:
        response = HttpResponseNotModified()
    elif response is None:
        response = HttpResponse(body)
        for name, value in stored["headers"].items():
            response[name] = value
    else:
        response.content = body
    response["ETag"] = etag
    patch_vary_headers(response, VARY)
    # Browsers revalidate every time (a 304 costs little); a copy holding a reader's token stays theirs.
    patch_cache_control(response, no_cache=True, **({"private": True} if stored["csrf"] else {"public": True}))
    return response
