"""A person's own data: everything the platform holds about them, gathered from every module
through its manifest's `personal_data` hook (a module never reads another's models), and the
consents they gave. The export is JSON or a PDF; making one is audited.

A module's hook takes the person's account and returns sections:

    def personal_data(user) -> list[dict]:
        return [section(_("Violation reports you made"), Report.objects.filter(reporter=user))]
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.actors import SYSTEM, check_actor, write
from yrd.core.audit import audit_record
from yrd.core.audit.chain import plain_json
from yrd.core.models import ApiToken, Consent, Notification, RoleAssignment
from yrd.core.registry import registry

EXPORTED = "core.personal.export"
CONSENTED = "core.personal.consent"
WITHDRAWN = "core.personal.consent_withdraw"
ACCOUNT_FIELDS = ("username", "display_name", "first_name", "last_name", "email", "language", "date_joined")


def as_record(obj, fields=None) -> dict:
    """A record's values as a person reads them: choices by label, related records by name."""
    record = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or (fields and field.name not in fields):
            continue
        if field.is_relation:
            value = getattr(obj, field.name)
            record[field.name] = "" if value is None else str(value)
        elif field.choices:
            record[field.name] = str(getattr(obj, f"get_{field.name}_display")())
        elif isinstance(field, models.FileField):
            record[field.name] = getattr(obj, field.name).name or ""
        else:
            record[field.name] = getattr(obj, field.name)
    return plain_json(record)


def section(title, rows, fields=None) -> dict:
    """One part of the export: a title and the person's records (a queryset or a list)."""
    return {"title": str(title), "records": [as_record(row, fields) for row in rows]}


def core_sections(user) -> list[dict]:
    return [
        section(gettext_lazy("Your account"), [user], ACCOUNT_FIELDS),
        section(gettext_lazy("Your roles"), RoleAssignment.objects.filter(user=user).select_related("role")),
        section(
            gettext_lazy("Your API tokens"), ApiToken.objects.filter(user=user), ("name", "created_at", "revoked_at")
        ),
        section(gettext_lazy("Messages to you"), Notification.objects.filter(recipient=user)),
        section(gettext_lazy("Consents you gave"), consents_of(user)),
    ]


def gather(user) -> list[dict]:
    """Every section every module holds about `user`, core first; modules in INSTALLED_APPS order."""
    found = [{"module": "core", **part} for part in core_sections(user)]
    for manifest in registry.manifests.values():
        if manifest.personal_data:
            for part in import_string(manifest.personal_data)(user):
                found.append({"module": manifest.label, **part})
    return found


@write
def personal_export(*, acting_user, user) -> dict:
    """The export of everything held about `user`, for that person only (audited: what was exported,
    how many records, never the records)."""
    check_actor(acting_user)
    if acting_user is SYSTEM or acting_user.pk != user.pk:
        raise ValidationError(_("A person's data is exported for that person only."))
    sections = gather(user)
    exported = {
        "person": user.username,
        "generated_at": timezone.now().isoformat(),
        "sections": sections,
    }
    audit_record(
        actor=acting_user,
        action=EXPORTED,
        obj=user,
        data={"sections": len(sections), "records": sum(len(s["records"]) for s in sections)},
    )
    return exported


def export_pdf(exported: dict) -> bytes:
    from weasyprint import HTML  # imported when a PDF is made: it takes a second and most requests need none

    html = render_to_string("core/personal_export_pdf.html", {"export": exported})
    return HTML(string=html, base_url=None, url_fetcher=refuse_fetch).write_pdf()


def refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"The export fetches nothing; refused {url[:80]}")


def consents_of(user):
    return Consent.objects.filter(user=user)


@write
def consent_record(*, acting_user, code: str, user=None, obj=None, at=None) -> Consent:
    """Record that a person agreed to consent `code` in the wording of its current version, for
    `obj` (an application, a report). `user` is the person's account, if they have one."""
    text = registry.consents.get(code)
    if text is None:
        raise ValidationError({"consent": _("No module declares the consent %(code)s.") % {"code": code}})
    consent = Consent.objects.create(
        user=user if getattr(user, "pk", None) else None,
        code=code,
        version=text.version,
        text=str(text.text),
        given_at=at or timezone.now(),
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
    )
    audit_record(actor=acting_user, action=CONSENTED, obj=consent, data={"code": code, "version": text.version})
    return consent


def consent_withdrawn(code: str, obj) -> bool:
    """Was consent `code` given for `obj` and since withdrawn (none of its records still in force)?
    A module checks this before an act the consent allowed; False where no consent was recorded."""
    given = Consent.objects.filter(code=code, object_type=obj._meta.label, object_id=str(obj.pk))
    return given.exists() and not given.filter(withdrawn_at__isnull=True).exists()


@write
def consent_withdraw(*, acting_user, consent: Consent, at=None) -> Consent:
    """The person withdraws a consent they gave (PIPL art. 15): when is recorded and exported, what it
    allowed stops (the module checks `consent_withdrawn`), and the personal fields it covered
    (`ConsentText.erases`) are erased from the record it was given for. What was done under the
    consent before stays done."""
    check_actor(acting_user)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)  # whose it is: as stored, not as passed
    if acting_user is not SYSTEM and consent.user_id != acting_user.pk:
        raise ValidationError(_("Only the person who gave a consent can withdraw it."))
    if consent.withdrawn_at is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    consent.withdrawn_at = at or timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    declared_text = registry.consents.get(consent.code)
    erased = _erase_covered(consent, declared_text.erases if declared_text else ())
    audit_record(
        actor=acting_user,
        action=WITHDRAWN,
        obj=consent,
        data={"code": consent.code, "version": consent.version, "given_for": consent.object_type, "erased": erased},
    )
    return consent


def _erase_covered(consent: Consent, fields: tuple) -> list[str]:
    """Empty the fields the consent covered on the record it was given for; delete their stored files."""
    if not fields or not consent.object_type:
        return []
    from django.apps import apps

    from yrd.core.personal.retention import erase_fields

    model = apps.get_model(consent.object_type)
    row = model._default_manager.select_for_update().filter(pk=consent.object_id).first()
    if row is None:
        return []
    erase_fields(model, [row], fields)
    return list(fields)
