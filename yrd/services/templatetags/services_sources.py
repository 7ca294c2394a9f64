from django import template

from yrd.services.figures import source_list

register = template.Library()


@register.filter
def sources(raw):
    """Source IDs of data/services.csv ("PBH_2020; CS_2019") as publishers with links."""
    return source_list(raw)
