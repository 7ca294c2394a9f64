"""Where a write comes from (client address), for the audit log; set by middleware or commands."""

from contextvars import ContextVar

from django.conf import settings

origin = ContextVar("yrd_origin", default="")


def client_address(request) -> str:
    """The address of the person making the request.

    Behind a reverse proxy every request arrives from the proxy, so the audit log would name the proxy
    and five bad passwords would lock an account for everyone. When the direct peer is one of
    TRUSTED_PROXIES, the address comes from X-Forwarded-For, read from the right and skipping our own
    proxies; a header sent by anyone else is ignored, since a client can write whatever it likes there.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    trusted = set(settings.TRUSTED_PROXIES)
    if peer not in trusted:
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return peer
