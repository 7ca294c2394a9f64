"""Writes made in the Django admin go into the audit chain too, like every service write."""

from django.contrib import admin
from django.db import transaction

from yrd.core.audit import audit_record


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose additions, changes and deletions are audited, in the admin's own
    transaction, with the admin's description of what changed."""

    def log_addition(self, request, obj, message):
        self._audit(request, "core.admin.add", obj, message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, "core.admin.change", obj, message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, "core.admin.delete", obj, [])
        return super().log_deletions(request, queryset)

    def _audit(self, request, action, obj, message):
        with transaction.atomic():
            audit_record(actor=request.user, action=action, obj=obj, data={"change": message})
