"""The one way to see a personal field's full value: `personal_reveal` checks who asks, records the
reveal in the audit log (which field of which record, never the value) and returns the value.

Who may reveal is declared on the model: `reveal_actions` (any of these actions over the record's
`access_scope()`), or `reveal_scopes()` -> [(action, Scope)] for records with several sides, or
`personal_parent` (the foreign key to the record whose rule applies, e.g. a report's evidence);
the person the record is about (`personal_subject`, a foreign key to their account) always may. Many
reveals by one person in a short time are a security event (`core.security.reveal_burst`).

Lists, exports and API lists show `listed()` (masked, except to the person it is about); opening an
uploaded document (Kind.DOCUMENT) goes through `personal_download`, recorded like a reveal.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.actors import SYSTEM, write
from yrd.core.audit import audit_record
from yrd.core.personal import Kind, declared, masked

REVEALED = "core.personal.reveal"


def is_subject(user, obj) -> bool:
    """Is `obj` about `user` (their own account, or a record whose `personal_subject` is them)?"""
    if not getattr(user, "is_authenticated", False):
        return False
    if obj._meta.label == settings.AUTH_USER_MODEL:
        return obj.pk == user.pk
    field = getattr(obj, "personal_subject", "")
    if field:
        return getattr(obj, f"{field}_id", None) == user.pk
    parent = parent_of(obj)  # a report's evidence, an application's corrections
    return parent is not None and is_subject(user, parent)


def parent_of(obj):
    """The record whose rule applies to `obj` (`personal_parent`), or None (none declared, or none set:
    a file a regulator added to a case has no report)."""
    field = getattr(obj, "personal_parent", "")
    return getattr(obj, field) if field else None


def listed(user, obj, field: str) -> str:
    """A list's, an export's or an API list's value: in full for the person it is about, masked for
    everyone else (whoever may see it in full does so on the record's page: an audited reveal)."""
    value = getattr(obj, field)
    if value and is_subject(user, obj):
        return str(value)
    return masked(obj, field)


def shown(user, obj, field: str) -> str:
    """A detail page's value: in full (an audited reveal) for those who may see it, masked otherwise."""
    if not getattr(obj, field):
        return ""
    if is_subject(user, obj):  # one's own data is not revealed to anyone else: nothing to record
        return str(getattr(obj, field))
    if may_reveal(user, obj):
        return personal_reveal(acting_user=user, obj=obj, field=field)
    return masked(obj, field)


def may_reveal(user, obj) -> bool:
    """May `user` see the full personal values of `obj` (each time audited)?"""
    if user is SYSTEM:
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if is_subject(user, obj):
        return True
    parent = parent_of(obj)
    if parent is not None:
        return may_reveal(user, parent)
    if hasattr(obj, "reveal_scopes"):
        return any(scope is not None and can(user, action, scope) for action, scope in obj.reveal_scopes())
    return any(can(user, action, obj) for action in getattr(obj, "reveal_actions", ()))


def personal_record(label: str, pk):
    """The record `label` ("market.Report") number `pk`, if its model declares personal fields."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise ObjectDoesNotExist(label) from None
    if not declared(model):
        raise ObjectDoesNotExist(label)
    try:
        return model._default_manager.get(pk=pk)
    except (ValueError, ValidationError):
        raise ObjectDoesNotExist(label) from None


@write
def personal_reveal(*, acting_user, obj, field: str) -> str:
    """The full value of `obj.<field>` for someone allowed to see it; the reveal is audited."""
    kind = declared(obj).get(field)
    if kind is None:
        raise ObjectDoesNotExist(field)
    if not may_reveal(acting_user, obj):
        raise PermissionDenied(_("Your role does not allow seeing this in full."))
    audit_record(
        actor=acting_user,
        action=REVEALED,
        obj=obj,
        data={"field": field, "kind": str(kind)},
    )
    value = getattr(obj, field)
    return "" if value is None else str(value)


@write
def personal_download(*, acting_user, obj, field: str = "file"):
    """Open the uploaded document `obj.<field>` (Kind.DOCUMENT) for `acting_user`, whom the module's
    download view has already let in. Each opening by someone other than the person it is about is
    recorded as a reveal (which file of which record, never its name or content); the file is opened
    inside the same transaction, so a file that cannot be read leaves no entry."""
    kind = declared(obj).get(field)
    if kind != Kind.DOCUMENT:
        raise ObjectDoesNotExist(field)
    if not is_subject(acting_user, obj):
        audit_record(actor=acting_user, action=REVEALED, obj=obj, data={"field": field, "kind": str(kind)})
    return getattr(obj, field).open("rb")
