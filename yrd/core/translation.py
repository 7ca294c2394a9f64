"""Texts that officials enter in both languages are stored as `<field>_zh` and `<field>_en`."""

from django.utils.functional import lazy
from django.utils.translation import get_language


def wants_chinese():
    return (get_language() or "zh-hans").lower().startswith("zh")


def localized(obj, field):
    """The text of `field` in the active language, falling back to the other one when empty."""
    zh, en = getattr(obj, f"{field}_zh", ""), getattr(obj, f"{field}_en", "")
    first, second = (zh, en) if wants_chinese() else (en, zh)
    return first or second or ""


class Bilingual:
    """Mixin: `obj.name` / `obj.title` read the active language's column."""

    @property
    def name(self):
        return localized(self, "name")

    @property
    def title(self):
        return localized(self, "title")


def _render(message, params):
    if isinstance(params, dict):
        return str(message) % {key: str(value) for key, value in params.items()}
    return str(message) % str(params)


_lazy_render = lazy(_render, str)


def interpolate_lazy(message, params):
    """`message % params` rendered in the language active when str() is called, e.g. by notify(),
    which renders each message in its recipient's language. `message` is a gettext_lazy string;
    lazy values in `params` (choice labels) are rendered then too."""
    return _lazy_render(message, params)
