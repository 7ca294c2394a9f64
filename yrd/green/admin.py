"""Administration of the green module. Sites, certifications, targets and storage projects may be
corrected here (every change audited); factors and reported periods are read-only, because a factor
is never edited in place and a period changes only through its writes (enter, submit, review)."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.green.models import (
    ActivityRecord,
    Certification,
    EmissionFactor,
    FactorPublication,
    ReportingPeriod,
    Scenario,
    Site,
    StorageProject,
    Target,
)


class CertificationInline(admin.TabularInline):
    model = Certification
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Site)
class SiteAdmin(AuditedAdmin):
    list_display = ["name_zh", "kind", "city", "park", "sector", "is_demo"]
    list_filter = ["kind", "city__parent", "is_demo"]
    search_fields = ["name_zh", "name_en", "organisation__uscc"]
    inlines = [CertificationInline, TargetInline]


@admin.register(StorageProject)
class StorageProjectAdmin(AuditedAdmin):
    list_display = ["name_zh", "technology", "power_mw", "energy_mwh", "city", "stage", "is_demo"]
    list_filter = ["technology", "stage", "city__parent"]
    search_fields = ["name_zh", "name_en"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ActivityInline(admin.TabularInline):
    model = ActivityRecord
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "quantity", "unit", "entered_by"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ReadOnlyAdmin):
    list_display = ["site", "year", "month", "state", "reviewed_at"]
    list_filter = ["state", "year"]
    inlines = [ActivityInline]


@admin.register(EmissionFactor)
class EmissionFactorAdmin(ReadOnlyAdmin):
    list_display = ["code", "quantity", "region", "data_year", "value", "unit", "publication"]
    list_filter = ["quantity", "region", "data_year"]


admin.site.register(FactorPublication, ReadOnlyAdmin)
admin.site.register(Scenario, ReadOnlyAdmin)
