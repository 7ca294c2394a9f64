"""Security alerts: lockouts, role changes and reveal bursts reach the security administrators.

Security events are recorded in the audit chain (core.audit.record_security_event); this module
records the two the platform notices itself (a lockout by django-axes, any change to who holds which
role, whether made by a write or in the Django admin) and, once each security event commits, notifies
every person holding SECURITY_ALERTS over the event's jurisdiction (everyone holding it, for an event
tied to no jurisdiction). Each alert sent is itself audited ("core.alert.notify").
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from yrd.core.actors import SYSTEM
from yrd.core.apps import SECURITY_ALERTS
from yrd.core.audit import audit_record, record_security_event, security_event
from yrd.core.models import Jurisdiction, RoleAssignment, User

SUBJECTS = {
    "login_failed": _("Security alert: a failed sign-in"),
    "lockout": _("Security alert: an account was locked after failed sign-ins"),
    "role_change": _("Security alert: a role was given or taken away"),
    "permission_change": _("Security alert: a permission changed"),
    "two_factor_reset": _("Security alert: a two-factor device was deleted"),
    "reveal_burst": _("Security alert: many personal details revealed in a short time"),
    "audit_head_restored": _("Security alert: an audit chain head was restored"),
    "audit_checkpoint_mismatch": _("Security alert: the audit log does not match its signed checkpoint"),
}
ALERTED = (
    "lockout",
    "role_change",
    "permission_change",
    "two_factor_reset",
    "reveal_burst",
    "audit_head_restored",
    "audit_checkpoint_mismatch",
)


def recipients(jurisdiction_code: str):
    """The people holding SECURITY_ALERTS over the jurisdiction (any, when there is none)."""
    holders = RoleAssignment.objects.filter(user__is_active=True).select_related("role", "jurisdiction")
    covering = set()
    target = Jurisdiction.objects.filter(code=jurisdiction_code).first() if jurisdiction_code else None
    for assignment in holders:
        if SECURITY_ALERTS not in assignment.role.actions:
            continue
        if target is None or assignment.jurisdiction.contains(target):
            covering.add(assignment.user_id)
    return list(User.objects.filter(pk__in=covering).order_by("pk"))


@receiver(security_event, dispatch_uid="yrd.core.mlps.alerts.alert")
def alert(sender, entry, kind, **kwargs):
    if kind not in ALERTED:
        return
    from yrd.core.notifications import notify

    people = recipients(entry.jurisdiction)
    if not people:
        return
    body = f"#{entry.seq} {entry.action} · {entry.object_repr} · {entry.data}"
    with transaction.atomic():
        notify(recipients=people, subject=SUBJECTS.get(kind, kind), body=body, url="/core/audit/?action=core.security.")
        audit_record(
            actor=SYSTEM,
            action="core.alert.notify",
            object_type="core.AuditEntry",
            object_id=entry.seq,
            object_repr=entry.action,
            jurisdiction=entry.jurisdiction,
            data={"kind": kind, "recipients": [person.pk for person in people]},  # accounts by number
        )


def _account(username):
    """The account a typed username names, by number (None when there is none)."""
    return User.objects.filter(username=username).values_list("pk", flat=True).first() if username else None


@receiver(user_locked_out, dispatch_uid="yrd.core.mlps.alerts.lockout")
def lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    record_security_event(
        "lockout",
        data={"account": _account(username)},
        personal={"username": (username or "")[:150], "ip": ip_address or ""},  # erased after their period
    )


def _role_change(assignment, change):
    record_security_event(
        "role_change",
        obj=assignment,
        jurisdiction=assignment.jurisdiction.code,
        data={
            "change": change,
            "user": assignment.user_id,  # the account number: the log never names a person (core.personal)
            "role": assignment.role.code,
            "organisation": assignment.organisation_id,
        },
    )


@receiver(post_save, sender=RoleAssignment, dispatch_uid="yrd.core.mlps.alerts.role_saved")
def role_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        _role_change(instance, "given" if created else "changed")


@receiver(post_delete, sender=RoleAssignment, dispatch_uid="yrd.core.mlps.alerts.role_deleted")
def role_deleted(sender, instance, **kwargs):
    _role_change(instance, "taken away")


@receiver(user_login_failed, dispatch_uid="yrd.core.mlps.alerts.login_failed")
def login_failed(sender, credentials=None, request=None, **kwargs):
    """Every refused password, not only the lockout after the fifth."""
    username = str((credentials or {}).get("username", ""))[:150]
    record_security_event(
        "login_failed",
        data={"account": _account(username), "stage": "password"},
        personal={"username": username},  # what was typed names a person: erased after its period
    )


PRIVILEGE_FLAGS = ("is_staff", "is_superuser")


@receiver(pre_save, sender=User, dispatch_uid="yrd.core.mlps.alerts.flags_before")
def flags_before(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and not set(update_fields) & set(PRIVILEGE_FLAGS)):
        return
    instance._yrd_flags_before = User.objects.filter(pk=instance.pk).values(*PRIVILEGE_FLAGS).first()


@receiver(post_save, sender=User, dispatch_uid="yrd.core.mlps.alerts.flags_after")
def flags_after(sender, instance, created, raw=False, **kwargs):
    """A staff or superuser flag given or taken away (in the admin, a command or the shell)."""
    from yrd.core.mlps.duties import _SYNCING

    if raw or _SYNCING.get():  # a duty role given or taken: that role change is the event
        instance.__dict__.pop("_yrd_flags_before", None)
        return
    before = instance.__dict__.pop("_yrd_flags_before", None) or dict.fromkeys(PRIVILEGE_FLAGS, False)
    changed = {flag: getattr(instance, flag) for flag in PRIVILEGE_FLAGS if getattr(instance, flag) != before[flag]}
    if changed:
        record_security_event("permission_change", obj=instance, data={"user": instance.pk, "changed": changed})
