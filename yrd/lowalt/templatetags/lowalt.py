"""The module's tabs, shown according to what the signed-in person may do."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format

from yrd.core.access import can
from yrd.lowalt.apps import AIRSPACE, CONSENT, FLEET, INFRASTRUCTURE, SUBMIT
from yrd.lowalt.selectors.intents import may_see_airspace

register = template.Library()


@register.filter
def when(iso: str, pattern: str = "Y-m-d H:i") -> str:
    """An ISO time stored in a refusal's details, in local time ("H:i" for the time alone)."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return ""
    return date_format(timezone.localtime(moment), pattern)


@register.inclusion_tag("lowalt/_tabs.html", takes_context=True)
def lowalt_tabs(context):
    user = context["request"].user
    return {
        "may_see_airspace": may_see_airspace(user),
        "may_file": can(user, SUBMIT),
        "may_register_aircraft": can(user, SUBMIT) and can(user, FLEET),
        "may_register_sites": can(user, INFRASTRUCTURE),
        "may_consent": can(user, CONSENT) or can(user, AIRSPACE),
    }
