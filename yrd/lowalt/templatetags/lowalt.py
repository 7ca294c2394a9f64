"""The module's tabs, shown according to what the signed-in person may do."""

from django import template

from yrd.core.access import can
from yrd.lowalt.apps import AIRSPACE, CONSENT, SUBMIT
from yrd.lowalt.selectors.intents import may_see_airspace

register = template.Library()


@register.inclusion_tag("lowalt/_tabs.html", takes_context=True)
def lowalt_tabs(context):
    user = context["request"].user
    return {
        "may_see_airspace": may_see_airspace(user),
        "may_file": can(user, SUBMIT),
        "may_consent": can(user, CONSENT) or can(user, AIRSPACE),
    }
