from django.urls import reverse

from yrd.core.registry import registry
from yrd.core.selectors import unread_count


def navigation(request):
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    links = [
        {"label": link.label, "url": reverse(link.url_name)}
        for manifest in registry.manifests.values()
        for link in manifest.nav
        if link.public or signed_in
    ]
    return {"nav_links": links, "unread_notifications": unread_count(user) if signed_in else 0}
