from django.apps import AppConfig
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
            "core.security.reveal_burst",
            "core.security.audit_head_restored",
            "core.security.audit_checkpoint_mismatch",
        ),
        api_router="yrd.core.api.router",
        reference_loader="yrd.core.reference.load_reference",
        retention=(
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
        from yrd.core.mlps import alerts, middleware  # noqa: F401  (security alerts; sign-in time of sessions)
        from yrd.core.registry import registry

        registry.rebuild()
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="yrd.core.sync_roles")
