from django.apps import AppConfig
from django.db.models import Q
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, Retention, RoleSpec

ORGANISATION_MANAGE = "core.organisation.manage"
PERSON_MANAGE = "core.person.manage"
ROLE_ASSIGN = "core.role.assign"
AUDIT_READ = "core.audit.read"
AUDIT_EXPORT = "core.audit.export"
SECURITY_ALERTS = "core.security.alerts"


def sync_roles(sender, **kwargs):
    """Roles are declared in manifests; after every migrate the database holds what they say, so an
    edited RoleSpec reaches an existing database without anyone rerunning load_reference."""
    from yrd.core.reference import load_roles

    load_roles()


PIPL = "PIPL art. 19 (no longer than the purpose needs) and art. 47 (erase when the period ends)"
ACCOUNT_BASIS = (
    "; closed accounts (made inactive), 5 years after their last sign-in (or their creation, if never"
    " used): records of the modules name people through their account and are kept up to 5 years after"
    " they close (services); PIPL art. 47(1)(2) once the account is closed. An assumption to confirm."
)
AUDIT_PERSONAL_BASIS = (
    "; the actor's name, IP address and details naming a person in audit entries, 3 years after the"
    " entry: at least the 180 days of MLPS level 3 and the 6 months of Cybersecurity Law art. 21, with"
    " time for investigations; the entry, its account number and its hash stay for good. An assumption"
    " to confirm. Entries written before migration 0009 hash the values themselves and keep them."
)


class CoreConfig(AppConfig):
    name = "yrd.core"
    label = "core"
    verbose_name = _("Core")
    manifest = Manifest(
        label="core",
        actions={
            ORGANISATION_MANAGE: _("Create and edit organisations in a jurisdiction"),
            PERSON_MANAGE: _("Create accounts for people of a jurisdiction"),
            ROLE_ASSIGN: _("Give people roles within a jurisdiction"),
            AUDIT_READ: _("Read the audit log of a jurisdiction"),
            AUDIT_EXPORT: _("Export the audit log of a jurisdiction"),
            SECURITY_ALERTS: _("Receive the security alerts of a jurisdiction"),
        },
        # Separation of duties (core.mlps.duties): no action is shared between these three roles.
        roles={
            "system_admin": RoleSpec("系统管理员", "System administrator", (ORGANISATION_MANAGE, PERSON_MANAGE)),
            "security_admin": RoleSpec("安全管理员", "Security administrator", (ROLE_ASSIGN, SECURITY_ALERTS)),
            "audit_admin": RoleSpec("审计管理员", "Audit administrator", (AUDIT_READ, AUDIT_EXPORT)),
        },
        audit_events=(
            "core.reference.load",
            "core.organisation.create",
            "core.person.create",
            "core.role.assign",
            "core.api_token.create",
            "core.api_token.revoke",
            "core.notification.read",
            "core.admin.add",
            "core.admin.change",
            "core.admin.delete",
            "core.keys.rotate",
            # Personal information (core.personal): reveals, purges, exports, consents.
            "core.personal.reveal",
            "core.personal.purge",
            "core.personal.export",
            "core.personal.consent",
            "core.personal.consent_withdraw",
            # MLPS level 3 (core.mlps)
            "core.password.change",
            "core.two_factor.enrol",
            "core.audit.export",
            "core.alert.notify",
            # Security events (core.audit.record_security_event); alerting listens to them.
            "core.security.login",
            "core.security.login_failed",
            "core.security.lockout",
            "core.security.role_change",
            "core.security.permission_change",
            "core.security.two_factor_reset",
            "core.security.reveal_burst",
            "core.security.audit_head_restored",
            "core.security.audit_checkpoint_mismatch",
        ),
        api_router="yrd.core.api.router",
        reference_loader="yrd.core.reference.load_reference",
        retention=(
            Retention("core.User", "last_login", 1825, PIPL + ACCOUNT_BASIS, Q(is_active=False)),
            Retention(
                "core.User", "date_joined", 1825, PIPL + ACCOUNT_BASIS, Q(is_active=False, last_login__isnull=True)
            ),
            Retention("core.AuditEntry", "at", 1095, PIPL + AUDIT_PERSONAL_BASIS),
            Retention(
                "core.Notification",
                "created_at",
                730,
                PIPL + "; 2 years, an assumption: messages are working copies, the records they point to keep"
                " their own periods.",
            ),
        ),
        demo_loader="yrd.core.demo.load_demo",
    )

    def ready(self):
        from yrd.core import checks  # noqa: F401  (registers the manifest check)
        from yrd.core.mlps import alerts, middleware, twofactor  # noqa: F401  (alerts; sessions; device resets)
        from yrd.core.mlps.duties import connect_permission_signals, sync_duty_groups
        from yrd.core.registry import registry

        registry.rebuild()
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="yrd.core.sync_roles")
        post_migrate.connect(sync_duty_groups, sender=self, dispatch_uid="yrd.core.sync_duty_groups")
        connect_permission_signals()
