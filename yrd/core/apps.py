from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest


class CoreConfig(AppConfig):
    name = "yrd.core"
    label = "core"
    verbose_name = _("Core")
    manifest = Manifest(
        label="core",
        actions={
            "core.organisation.manage": _("Create and edit organisations in a jurisdiction"),
            "core.role.assign": _("Give people roles within a jurisdiction"),
            "core.audit.read": _("Read the audit log of a jurisdiction"),
        },
        reference_loader="yrd.core.reference.load_reference",
        demo_loader="yrd.core.demo.load_demo",
    )

    def ready(self):
        from yrd.core.registry import registry

        registry.rebuild()
