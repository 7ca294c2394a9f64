"""Writes made in the Django admin go into the audit chain too, like every service write, in the
same transaction as the write; records (applications, exchange records) cannot be altered or
deleted there at all."""

from django.contrib import admin
from django.db import router, transaction
from django.db.models.deletion import Collector

from yrd.core.audit import audit_record


def _cascade(obj) -> dict[str, int]:
    """What deleting `obj` deletes with it, by model: the audit entry names all of it."""
    collector = Collector(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    counts = {model._meta.label: len(objects) for model, objects in collector.data.items()}
    for queryset in collector.fast_deletes:  # cascades Django deletes without loading them
        label = queryset.model._meta.label
        counts[label] = counts.get(label, 0) + queryset.count()
    return {label: n for label, n in counts.items() if n}


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose additions, changes and deletions are audited, each in the transaction of
    the write, with the admin's description of what changed (and, for a deletion, everything the
    deletion cascades to)."""

    def log_addition(self, request, obj, message):
        self._audit(request, "core.admin.add", obj, {"change": message})
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, "core.admin.change", obj, {"change": message})
        return super().log_change(request, obj, message)

    def delete_model(self, request, obj):
        with transaction.atomic(using=router.db_for_write(type(obj))):
            self._audit(request, "core.admin.delete", obj, {"deleted": _cascade(obj)})
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic(using=router.db_for_write(queryset.model)):
            for obj in queryset:
                self._audit(request, "core.admin.delete", obj, {"deleted": _cascade(obj)})
            super().delete_queryset(request, queryset)

    def _audit(self, request, action, obj, data):
        with transaction.atomic():
            audit_record(actor=request.user, action=action, obj=obj, data=data)


class RecordAdmin(AuditedAdmin):
    """Records of what happened (applications, exchange records): shown, never added, changed or
    deleted in the admin. They are closed or voided through their module's writes instead."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
