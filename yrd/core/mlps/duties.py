"""Separation of duties (GB/T 22239-2019 level 3, 8.1.4.2): three administrator roles, none holding
another's powers, and no person holding two of them.

- system administrator (`system_admin`): organisations and accounts;
- security administrator (`security_admin`): who holds which role, and the security alerts;
- audit administrator (`audit_admin`): reads and exports the audit log, alters nothing.

The Django superuser, which would hold all three, is switched off in production settings
(SUPERUSER_DISABLED: superusers are refused at login and their flag grants nothing).
"""

from django.conf import settings
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


def superuser_disabled() -> bool:
    return getattr(settings, "SUPERUSER_DISABLED", False)


def conflicting_duty(user, role_code):
    """The duty role `user` already holds that `role_code` would combine with, or None."""
    if role_code not in DUTY_ROLES:
        return None
    held = set(user.role_assignments.filter(role__code__in=DUTY_ROLES).values_list("role__code", flat=True))
    others = sorted(held - {role_code})
    return others[0] if others else None
