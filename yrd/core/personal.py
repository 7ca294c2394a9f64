"""Personal information (PIPL): which fields hold it, and how it is masked where a person does not
need the full value.

A model declares its personal fields as a class attribute:

    class Report(models.Model):
        personal_fields = {"reporter_phone": Kind.PHONE, "reporter_name": Kind.NAME}

Lists, exports, API lists, PDFs and notifications show `mask(kind, value)`; the full value only to
roles that need it (each reveal audited, see issue 7's reveal mechanism when it lands).
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    NAME = "name"
    RESIDENT_ID = "resident_id"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    LOCATION = "location"  # a person's exact whereabouts
    HEALTH = "health"
    MINOR = "minor"  # information about a child under 14
    FREE_TEXT = "free_text"  # text a person wrote that may contain any of the above


# PIPL art. 28: identity, medical health, whereabouts and minors' information are sensitive.
SENSITIVE = frozenset({Kind.RESIDENT_ID, Kind.HEALTH, Kind.LOCATION, Kind.MINOR})

LABELS = {
    Kind.NAME: _("name of a person"),
    Kind.RESIDENT_ID: _("resident ID number"),
    Kind.PHONE: _("phone number"),
    Kind.EMAIL: _("e-mail address"),
    Kind.ADDRESS: _("address"),
    Kind.LOCATION: _("exact location of a person"),
    Kind.HEALTH: _("health information"),
    Kind.MINOR: _("information about a minor"),
    Kind.FREE_TEXT: _("free text written by a person"),
}


def declared(model) -> dict[str, Kind]:
    """The personal fields a model declares (empty when it holds none)."""
    return dict(getattr(model, "personal_fields", {}))


def _keep_ends(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def mask(kind: Kind, value) -> str:
    """The value as lists show it: 310***********8556, 138****5678, 张*, z***@example.com."""
    text = "" if value is None else str(value)
    if not text:
        return ""
    if kind == Kind.RESIDENT_ID:
        return _keep_ends(text, 3, 4)
    if kind == Kind.PHONE:
        return _keep_ends(text, 3, 4) if len(text) >= 11 else _keep_ends(text, 2, 2)
    if kind == Kind.EMAIL:
        local, at, domain = text.partition("@")
        return (local[:1] + "***" + at + domain) if at else _keep_ends(text, 1, 0)
    if kind == Kind.NAME:
        return text[:1] + "*" * max(1, min(len(text) - 1, 3))
    if kind == Kind.ADDRESS:
        return text[:6] + "****" if len(text) > 6 else text[:2] + "****"
    return "****"
