"""Caching of read-heavy pages. Every write goes through a service that appends to the audit
chain, so the position of the chains' heads is a version number for everything stored: a cached
value keyed by it is never served after a write. A short timeout covers edits made outside the
services (the Django admin)."""

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from yrd.core.audit import data_version

TIMEOUT = 300


def cached_for(user, name, compute, timeout=TIMEOUT):
    """`compute()` once per reader, language, day and data version."""
    reader = user.pk if user.is_authenticated else "public"
    key = f"yrd:{name}:{reader}:{get_language()}:{timezone.localdate()}:{data_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def cached(name, compute, timeout=TIMEOUT, *, per_version=True):
    """`compute()` shared by every reader, for what is the same for everyone (the language is the
    caller's business, in `name`): once per data version, or, with per_version=False, once per
    `timeout` seconds whatever is written meanwhile (statistics over millions of rows, which a busy
    platform would otherwise recount after every write)."""
    key = f"yrd:{name}:{data_version() if per_version else 'timed'}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
