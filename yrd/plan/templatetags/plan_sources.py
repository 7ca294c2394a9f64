"""`{% load plan_sources %}{% for source in task.source|sources %}`: the sources a field names, as
publishers with links (yrd.plan.sources)."""

from django import template

from yrd.plan.sources import Source, cited

register = template.Library()


@register.filter
def sources(raw: str) -> list[Source]:
    return cited(raw)
