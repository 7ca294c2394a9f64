"""The holiday arrangement is entered in the admin; each change is audited and seen by the
working-day clock at once in this process (within a minute in the others)."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.core.models import WorkdayOverride
from yrd.core.workdays import forget_entered_days


@admin.register(WorkdayOverride)
class WorkdayOverrideAdmin(AuditedAdmin):
    list_display = ["day", "is_workday", "name", "source"]
    list_filter = ["is_workday"]
    date_hierarchy = "day"
    search_fields = ["name", "source"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_entered_days()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_entered_days()
