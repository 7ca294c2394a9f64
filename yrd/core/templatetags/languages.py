"""Text shown in a language other than the page's is marked as a quotation in that language."""

import re

from django import template
from django.utils.html import format_html, linebreaks
from django.utils.translation import gettext as _

from yrd.core.translation import wants_chinese

register = template.Library()

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def text_language(text: str) -> str:
    """'zh' when the text is written in Chinese characters, 'en' for Latin script, '' when neither."""
    if HAN.search(text):
        return "zh"
    return "en" if LATIN.search(text) else ""


def _foreign(text):
    """(html lang, note) when the text is in the language the page is not in; None otherwise."""
    language = text_language(text)
    if not language or language == ("zh" if wants_chinese() else "en"):
        return None
    if language == "zh":
        return "zh-CN", _("original in Chinese")
    return "en", _("original in English")


@register.filter
def quoted(text):
    """The text as it is when it is in the page's language; otherwise a quotation carrying its
    language (so screen readers switch voice) with a note saying it is the original wording."""
    text = "" if text is None else str(text)
    foreign = _foreign(text)
    if foreign is None:
        return format_html("{}", text)
    return format_html(
        '<q class="other-language" lang="{}">{}</q> <span class="muted small">({})</span>', foreign[0], text, foreign[1]
    )


@register.filter
def quoted_paragraphs(text):
    """`quoted` for a longer text: its paragraphs kept, in a blockquote when in the other language."""
    text = "" if text is None else str(text)
    foreign = _foreign(text)
    if foreign is None:
        return linebreaks(text, autoescape=True)
    return format_html(
        '<blockquote class="other-language" lang="{}">{}</blockquote><p class="muted small">{}</p>',
        foreign[0],
        linebreaks(text, autoescape=True),
        foreign[1],
    )
