from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.display import ELDERLY, mode_of
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


def map_note(request):
    """What every map says about its base map: the approval number (审图号) of an approved base map
    when the deployment has one (MAP_APPROVAL_NUMBER), otherwise that it is schematic."""
    number = settings.MAP_APPROVAL_NUMBER
    if number:
        return {"map_note": _("Base map approval number: %(number)s") % {"number": number}, "map_approved": True}
    return {"map_note": _("Schematic map, not an approved base map; boundaries are indicative."), "map_approved": False}


def display_mode(request):
    """Whether this browser asked for the elderly-friendly display (see yrd.core.display)."""
    return {"elderly_mode": mode_of(request) == ELDERLY}
