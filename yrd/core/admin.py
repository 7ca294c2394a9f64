from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from yrd.core.admin_audit import AuditedAdmin
from yrd.core.models import (
    AuditEntry,
    Jurisdiction,
    Notification,
    Organisation,
    Role,
    RoleAssignment,
    User,
)


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


@admin.register(User)
class YrdUserAdmin(AuditedAdmin, UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("yrd", {"fields": ["display_name", "organisation", "language"]}),)
    inlines = [RoleAssignmentInline]


@admin.register(Role)
class RoleAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "name_en"]


@admin.register(AuditEntry)
class AuditEntryAdmin(AuditedAdmin):
    list_display = ["seq", "at", "actor_label", "action", "object_repr", "jurisdiction", "ip"]
    list_filter = ["action"]
    search_fields = ["object_repr", "actor_label", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(Notification, AuditedAdmin)

admin.site.site_header = _("YRD integrated platform · administration")
admin.site.site_title = _("YRD integrated platform")
admin.site.index_title = _("Reference data and settings")

from yrd.core import admin_calendar  # noqa: E402,F401  (registers the holiday arrangement admin)
