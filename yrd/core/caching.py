"""Caching of read-heavy pages. Every write goes through a service that appends to the audit
chain, so the chain's length is a version number for everything the platform stores: a cached
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
