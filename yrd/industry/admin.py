"""Administration of the industry module. Enterprises, data centres and metropolitan areas may be
corrected here (every change audited); supply relations, capacities and scenarios are read-only,
because they change only through their writes (which check shares, cycles and permissions)."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.industry.models import (
    Capacity,
    Component,
    CooperationProject,
    DataCentre,
    Enterprise,
    MetroArea,
    Need,
    Scenario,
    SupplyRelation,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Enterprise)
class EnterpriseAdmin(AuditedAdmin):
    list_display = ["organisation", "city", "tier", "certifications", "is_demo"]
    list_filter = ["tier", "city__parent", "is_demo"]
    search_fields = ["organisation__name_zh", "organisation__name_en", "organisation__uscc"]


@admin.register(DataCentre)
class DataCentreAdmin(AuditedAdmin):
    list_display = ["name_zh", "city", "cluster", "racks", "it_power_mw", "utilisation", "is_demo"]
    list_filter = ["cluster"]


@admin.register(MetroArea)
class MetroAreaAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "name_en", "source"]


@admin.register(CooperationProject)
class CooperationProjectAdmin(AuditedAdmin):
    list_display = ["name_zh", "metro_area", "plan_task", "is_demo"]


admin.site.register(Component, ReadOnlyAdmin)
admin.site.register(Capacity, ReadOnlyAdmin)
admin.site.register(SupplyRelation, ReadOnlyAdmin)
admin.site.register(Scenario, ReadOnlyAdmin)
admin.site.register(Need, ReadOnlyAdmin)
