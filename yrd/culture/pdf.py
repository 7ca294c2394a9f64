"""The nomination's component sections as one PDF, Chinese and English side by side, for the
people working on the bid. Rendered by WeasyPrint from culture/nomination_pdf.html, offline (the
document fetches nothing). Sections not yet accepted are printed with their status, so a draft is
never mistaken for the agreed text."""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from yrd.culture.models import SECTIONS
from yrd.culture.selectors.bid import components_visible_to


class NoNetwork(Exception):
    pass


def refuse_fetch(url, *args, **kwargs):
    raise NoNetwork(f"The nomination PDF fetches nothing; refused {url[:80]}")


def _titles(language: str) -> dict:
    with translation.override(language):
        return {n: str(title) for n, title in SECTIONS.items()}


def render_nomination_html(user) -> str:
    components = components_visible_to(user).prefetch_related("sections")
    context = {
        "components": components,
        "titles_zh": _titles("zh-hans"),
        "titles_en": _titles("en"),
        "generated": timezone.localtime(),
    }
    return render_to_string("culture/nomination_pdf.html", context)


def render_nomination_pdf(user) -> bytes:
    return HTML(string=render_nomination_html(user), base_url=None, url_fetcher=refuse_fetch).write_pdf()
