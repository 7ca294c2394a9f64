"""Texts that officials enter in both languages are stored as `<field>_zh` and `<field>_en`."""

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
