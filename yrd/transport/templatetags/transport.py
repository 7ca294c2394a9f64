from django import template
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from yrd.core.translation import wants_chinese

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key, key)


@register.filter
def iso_time(text):
    return parse_datetime(text) if isinstance(text, str) else text


@register.simple_tag
def place_name(place: dict) -> str:
    if place["kind"] == "point":
        return f"{place['lat']:.4f}, {place['lon']:.4f}"
    first, second = (place["name_zh"], place["name_en"]) if wants_chinese() else (place["name_en"], place["name_zh"])
    return first or second or place["code"]


@register.simple_tag
def best_label(kind: str) -> str:
    return {"cheapest": _("cheapest"), "fastest": _("fastest"), "greenest": _("lowest CO2")}.get(kind, kind)
