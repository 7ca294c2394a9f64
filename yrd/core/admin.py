from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from yrd.core.admin_audit import AuditedAdmin
from yrd.core.models import (
    AuditCheckpoint,
    AuditEntry,
    Jurisdiction,
    Notification,
    Organisation,
    Role,
    RoleAssignment,
    User,
)
from yrd.core.personal.admin import masked_str


@admin.register(Jurisdiction)
class JurisdictionAdmin(AuditedAdmin):
    list_display = ["code", "level", "name_zh", "name_en", "population_million", "gdp_billion_cny"]
    list_filter = ["level"]
    search_fields = ["code", "name_zh", "name_en"]
    readonly_fields = ["path"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name_zh", "name_en", "kind", "jurisdiction", "uscc", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name_zh", "name_en", "uscc"]


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0


# Separation of duties: who holds which rights is the security administrator's (role assignments),
# never edited with an account; the duty groups follow the roles (core.mlps.duties).
RIGHTS_FIELDS = ("is_superuser", "groups", "user_permissions")


@admin.register(User)
class YrdUserAdmin(AuditedAdmin, UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("yrd", {"fields": ["display_name", "organisation", "language"]}),)
    inlines = [RoleAssignmentInline]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += [name for name in RIGHTS_FIELDS if name not in readonly]
        return readonly


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(AuditedAdmin):
    """The security administrator's page: who holds which role where (the duty rule in clean())."""

    list_display = ["account", "role", "jurisdiction", "organisation"]
    list_filter = ["role"]
    raw_id_fields = ["user"]
    search_fields = ["role__code", "jurisdiction__code"]

    @admin.display(description=_("account"), ordering="user")
    def account(self, obj):
        return masked_str(obj.user)


@admin.register(Role)
class RoleAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "name_en"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """The audit log is read, never added to, changed or deleted here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["seq", "at", "actor_label", "action", "object_repr", "jurisdiction", "ip", "chain"]
    list_filter = ["action"]
    search_fields = ["object_repr", "actor_label", "action"]


@admin.register(AuditCheckpoint)
class AuditCheckpointAdmin(ReadOnlyAdmin):
    list_display = ["number", "at", "key_id"]


admin.site.register(Notification, AuditedAdmin)

admin.site.site_header = _("YRD integrated platform · administration")
admin.site.site_title = _("YRD integrated platform")
admin.site.index_title = _("Reference data and settings")

from yrd.core import admin_calendar  # noqa: E402,F401  (registers the holiday arrangement admin)
