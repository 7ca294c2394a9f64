from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.plan.models import Area, Baseline, Milestone, Plan, ProgressReport, Task


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ["code", "title_zh", "area", "start", "end", "is_published", "demo_details"]
    list_filter = ["area", "is_published", "demo_details", "area_assignment"]
    search_fields = ["code", "title_zh", "title_en"]
    filter_horizontal = ["lead_jurisdictions", "colead_jurisdictions", "responsible_organisations"]
    inlines = [MilestoneInline]


admin.site.register([Plan, Area, Baseline], AuditedAdmin)


@admin.register(ProgressReport)
class ProgressReportAdmin(AuditedAdmin):
    list_display = ["task", "period_start", "period_end", "percent", "risk_level", "review_state", "is_demo"]
    list_filter = ["review_state", "risk_level", "is_demo"]
