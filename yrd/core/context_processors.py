from django.urls import reverse

from yrd.core.access import can
from yrd.core.registry import registry
from yrd.core.selectors import unread_count


def visible_links(user):
    """The header links this person may use, in module order."""
    signed_in = bool(user and user.is_authenticated)
    return [
        link
        for manifest in registry.manifests.values()
        for link in manifest.nav
        if link.public or (signed_in and (not link.actions or any(can(user, a) for a in link.actions)))
    ]


def navigation(request):
    user = getattr(request, "user", None)
    links = [{"label": link.label, "url": reverse(link.url_name)} for link in visible_links(user)]
    signed_in = bool(user and user.is_authenticated)
    return {"nav_links": links, "unread_notifications": unread_count(user) if signed_in else 0}
