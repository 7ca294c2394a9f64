"""Separation of duties (GB/T 22239-2019 level 3, 8.1.4.2): three administrator roles, none holding
another's powers, and no person holding two of them.

- system administrator (`system_admin`): organisations and accounts;
- security administrator (`security_admin`): who holds which role, and the security alerts;
- audit administrator (`audit_admin`): reads and exports the audit log, alters nothing.

The Django superuser, which would hold all three, is switched off in production settings
(SUPERUSER_DISABLED: superusers are refused at login and their flag grants nothing).
"""

from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

SYSTEM_ADMIN = "system_admin"
SECURITY_ADMIN = "security_admin"
AUDIT_ADMIN = "audit_admin"
DUTY_ROLES = (SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN)
DUTY_NAMES = {
    SYSTEM_ADMIN: _("system administrator"),
    SECURITY_ADMIN: _("security administrator"),
    AUDIT_ADMIN: _("audit administrator"),
}


_SYNCING = ContextVar("yrd_duty_sync", default=False)


def superuser_disabled() -> bool:
    return getattr(settings, "SUPERUSER_DISABLED", False)


def conflicting_duty(user, role_code):
    """The duty role `user` already holds that `role_code` would combine with, or None."""
    if role_code not in DUTY_ROLES:
        return None
    held = set(user.role_assignments.filter(role__code__in=DUTY_ROLES).values_list("role__code", flat=True))
    others = sorted(held - {role_code})
    return others[0] if others else None


# What each administrator may do in the Django admin: the model permissions of a group named after
# the role, which a person joins when given the role and leaves when it is taken away (with is_staff
# set, so the admin opens). No permission appears in two groups; the auth models (groups,
# permissions) and is_superuser are in none, so no administrator can widen their own rights there.
DUTY_PERMISSIONS = {
    SYSTEM_ADMIN: (
        "core.view_jurisdiction",
        "core.add_organisation",
        "core.change_organisation",
        "core.view_organisation",
        "core.add_user",
        "core.change_user",
        "core.view_user",
        # A person who lost their phone: the system administrator deletes their device (audited).
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
    ),
    SECURITY_ADMIN: (
        "core.view_role",
        "core.add_roleassignment",
        "core.change_roleassignment",
        "core.delete_roleassignment",
        "core.view_roleassignment",
    ),
    AUDIT_ADMIN: (
        "core.view_auditentry",
        "core.view_auditcheckpoint",
    ),
}


def duty_group_name(role_code: str) -> str:
    return f"duty:{role_code}"


def sync_duty_groups(**kwargs) -> None:
    """Make the three groups hold exactly DUTY_PERMISSIONS (after every migrate)."""
    from django.contrib.auth.models import Group, Permission

    token = _SYNCING.set(True)  # the groups are the platform's own, declared above: no security event
    try:
        _sync_duty_groups(Group, Permission)
    finally:
        _SYNCING.reset(token)


def _sync_duty_groups(Group, Permission):  # noqa: N803
    for role_code, codes in DUTY_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=duty_group_name(role_code))
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)


def sync_duty_access(user) -> None:
    """Put `user` in the groups of the duty roles they hold and out of the others; a person given a
    duty role becomes staff so the admin opens (taking the role away leaves is_staff, which without
    a group grants nothing)."""
    from django.contrib.auth.models import Group

    held = set(user.role_assignments.filter(role__code__in=DUTY_ROLES).values_list("role__code", flat=True))
    groups = {group.name: group for group in Group.objects.filter(name__in=[duty_group_name(c) for c in DUTY_ROLES])}
    for role_code in DUTY_ROLES:
        group = groups.get(duty_group_name(role_code))
        if group is None:
            continue
        if role_code in held:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    if held and not user.is_staff:
        type(user).objects.filter(pk=user.pk).update(is_staff=True)
        user.is_staff = True


@receiver(post_save, sender="core.RoleAssignment", dispatch_uid="yrd.core.mlps.duties.role_saved")
@receiver(post_delete, sender="core.RoleAssignment", dispatch_uid="yrd.core.mlps.duties.role_deleted")
def role_changed(sender, instance, raw=False, **kwargs):
    if raw or instance.role.code not in DUTY_ROLES:
        return
    token = _SYNCING.set(True)  # the role change is itself the security event: no second one per group
    try:
        sync_duty_access(instance.user)
    finally:
        _SYNCING.reset(token)


def permission_changed(sender, instance, action, pk_set, model, **kwargs):
    """Django permissions or groups changed on an account or a group (in the admin, or any code): a
    security event (alerted). The duty sync's own group changes are covered by the role change."""
    if _SYNCING.get() or action not in ("post_add", "post_remove", "post_clear"):
        return
    from yrd.core.audit import record_security_event

    record_security_event(
        "permission_change",
        data={
            "on": instance._meta.label,
            "id": instance.pk,  # an account by number: the log never names a person (core.personal)
            "change": action.removeprefix("post_"),
            model._meta.model_name: sorted(pk_set or ()),
        },
    )


def connect_permission_signals():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(permission_changed, sender=through, dispatch_uid=f"yrd.duties.{through._meta.label}")
