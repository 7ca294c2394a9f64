"""Personal information (PIPL): which fields hold it, how it is masked where a person does not need
the full value, who may reveal it, how long it is kept, and what a person may take away.

A model declares every field that holds personal information, and every field whose name looks
personal but is not, with the reason:

    class Report(models.Model):
        personal_fields = {"reporter_phone": Kind.PHONE, "reporter_name": Kind.NAME}
        not_personal = {"subject_name": "the reported enterprise's name"}
        reveal_actions = ("market.case.work",)  # who may see the full values (each reveal audited)
        personal_subject = "reporter"  # the account the data is about: it sees its own values

`yrd/core/tests/test_personal_inventory.py` fails on a field that looks personal and is declared in
neither. Lists, exports, API lists, PDFs and notifications show `mask(kind, value)`; the full value
only through `reveal()` (personal/reveal.py). Retention and the purge are in personal/retention.py,
a person's own data and consents in personal/subject.py.
"""

import re
from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    NAME = "name"
    RESIDENT_ID = "resident_id"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    LOCATION = "location"  # a person's exact whereabouts
    NETWORK = "network"  # an IP address or other online identifier
    HEALTH = "health"
    MINOR = "minor"  # information about a child under 14
    FREE_TEXT = "free_text"  # text a person wrote that may contain any of the above
    DOCUMENT = "document"  # a file a person uploaded (ID card scans, certificates, evidence)


# PIPL art. 28: identity, medical health, whereabouts and minors' information are sensitive.
SENSITIVE = frozenset({Kind.RESIDENT_ID, Kind.HEALTH, Kind.LOCATION, Kind.MINOR})

LABELS = {
    Kind.NAME: _("name of a person"),
    Kind.RESIDENT_ID: _("resident ID number"),
    Kind.PHONE: _("phone number"),
    Kind.EMAIL: _("e-mail address"),
    Kind.ADDRESS: _("address"),
    Kind.LOCATION: _("exact location of a person"),
    Kind.NETWORK: _("IP address"),
    Kind.HEALTH: _("health information"),
    Kind.MINOR: _("information about a minor"),
    Kind.FREE_TEXT: _("free text written by a person"),
    Kind.DOCUMENT: _("file uploaded by a person"),
}

# A field whose name matches, or a free-text or file field, must be declared one way or the other.
LOOKS_PERSONAL = re.compile(
    r"name|phone|mobile|tel$|id_number|identity|address|e?mail|contact|birth|(^|_)age$|gender|sex$|health|medical"
    r"|note|notes$|narrative|description|comment|reason|remark|message|body|response|payload|^ip$"
    r"|latitude|longitude|place|site$|label$|applicant|reporter"
)
FREE_FORM = (models.TextField, models.FileField, models.EmailField, models.GenericIPAddressField)


def declared(model) -> dict[str, Kind]:
    """The personal fields a model declares (empty when it holds none)."""
    return dict(getattr(model, "personal_fields", {}))


def declared_not_personal(model) -> dict[str, str]:
    """Fields whose names look personal but hold no personal information, with the reason."""
    return dict(getattr(model, "not_personal", {}))


def looks_personal(field) -> bool:
    return bool(LOOKS_PERSONAL.search(field.name)) or isinstance(field, FREE_FORM)


def undeclared(model) -> list[str]:
    """Concrete fields of `model` that look personal and are declared neither way."""
    known = set(declared(model)) | set(declared_not_personal(model))
    return [
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in known and looks_personal(field) and not field.is_relation
    ]


def holds_personal(obj_or_model) -> bool:
    return bool(declared(obj_or_model))


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


def masked(obj, field: str) -> str:
    """`obj.<field>` masked by the kind its model declares (a field not declared personal: as is)."""
    value = getattr(obj, field)
    kind = declared(obj).get(field)
    return str(value or "") if kind is None else mask(kind, value)


def redacted(model, data: dict) -> dict:
    """`data` for the audit log: values of the model's personal fields replaced by their kind, since
    the log is kept for good and personal values are erased at the end of their retention."""
    kinds = declared(model)
    return {key: f"[{kinds[key]}]" if key in kinds and value else value for key, value in data.items()}


def audit_repr(obj) -> str:
    """How the audit log names an object: never by personal data, which the log keeps for good."""
    label = getattr(obj, "audit_label", None)
    if callable(label):
        return label()
    if not hasattr(obj, "_meta"):
        return str(obj)
    if not type(obj).__module__.startswith("yrd.") or holds_personal(obj):
        # another app's record (a TOTP device, a group) is not in the inventory: its name may hold anything
        return f"{obj._meta.object_name} #{obj.pk}"
    return str(obj)
