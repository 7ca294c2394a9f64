"""The Django admin site of the platform: every ModelAdmin registered on it, a module's or a
third-party app's, gets the platform's rules without asking for them:

- writes are audited (AuditedAdmin: additions, changes and deletions go into the audit chain in the
  write's transaction), including those of third-party admins such as django-otp's TOTP devices;
- personal fields are masked in lists and change forms, the full value only through an audited
  reveal (core.personal.admin.PersonalAdmin), on inlines too.

Installed in place of `django.contrib.admin` (settings.INSTALLED_APPS: "yrd.core.admin_site.AdminConfig").
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig

# Imported by INSTALLED_APPS before any model is: what reads models is imported where it is used.


def audited_admin_class(admin_class):
    """`admin_class` with AuditedAdmin mixed in, unless it has it."""
    from yrd.core.admin_audit import AuditedAdmin

    if issubclass(admin_class, AuditedAdmin):
        return admin_class
    return type(admin_class.__name__, (AuditedAdmin, admin_class), {"__module__": admin_class.__module__})


def with_platform_rules(admin_class, model):
    from yrd.core.personal import declared
    from yrd.core.personal.admin import personal_admin_class

    admin_class = audited_admin_class(admin_class)
    if declared(model):
        admin_class = personal_admin_class(admin_class, model)
    inlines = []
    for inline in getattr(admin_class, "inlines", ()) or ():
        inlines.append(personal_admin_class(inline, inline.model) if declared(inline.model) else inline)
    if inlines:
        admin_class.inlines = inlines
    return admin_class


class YrdAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        models = [model_or_iterable] if hasattr(model_or_iterable, "_meta") else list(model_or_iterable)
        for model in models:
            base = admin_class or admin.ModelAdmin
            if options:
                base = type(f"{model.__name__}Admin", (base,), {"__module__": __name__, **options})
            super().register(model, with_platform_rules(base, model))


class AdminConfig(DjangoAdminConfig):
    default_site = "yrd.core.admin_site.YrdAdminSite"
