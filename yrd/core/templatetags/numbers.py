"""`{% load numbers %}{{ value|number }}`: a figure as the reader of the active language expects it
(268.45万 in Chinese, 2,684,500 in English); see yrd.core.numbers."""

from django import template

from yrd.core.numbers import format_number, format_quantity

register = template.Library()


@register.filter
def number(value, places: int = 2) -> str:
    """The figure in the active language; empty for None or for anything that is not a number."""
    return format_number(value, places=int(places))


@register.filter
def quantity(value, unit: str = "") -> str:
    """The figure and its unit in the active language: 268.45万元, 2,684,500 yuan, 45%."""
    return format_quantity(value, unit or "")
