"""Administrators enter what the public record does not give: modes, time limits, fees, materials
and the competent authority per province. Applications and exchange records are records: shown
here, never changed or deleted (the workflow's writes move an application)."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin, RecordAdmin
from yrd.services.models import (
    Application,
    CompetentAuthority,
    ExchangeRecord,
    MaterialType,
    RemoteSlot,
    RequiredMaterial,
    ServiceFigure,
    ServiceItem,
)


class RequiredMaterialInline(admin.TabularInline):
    model = RequiredMaterial
    extra = 0


class CompetentAuthorityInline(admin.TabularInline):
    model = CompetentAuthority
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(ServiceItem)
class ServiceItemAdmin(AuditedAdmin):
    list_display = [
        "code",
        "name_zh",
        "audience",
        "online",
        "remote",
        "joint",
        "time_limit_days",
        "demo_details",
    ]
    list_filter = ["audience", "online", "remote", "joint", "demo_details"]
    search_fields = ["code", "name_zh", "name_en"]
    inlines = [RequiredMaterialInline, CompetentAuthorityInline]


@admin.register(ServiceFigure)
class ServiceFigureAdmin(AuditedAdmin):
    list_display = ["service_id", "name_zh", "metric", "value", "unit", "as_of", "source"]

    def has_change_permission(self, request, obj=None):
        return False  # published figures are kept as published


@admin.register(RemoteSlot)
class RemoteSlotAdmin(AuditedAdmin):
    list_display = ["authority", "officer", "starts_at", "ends_at", "capacity", "is_demo"]
    list_filter = ["is_demo"]


@admin.register(Application)
class ApplicationAdmin(RecordAdmin):
    list_display = ["number", "item", "mode", "state", "submitted_at", "is_demo"]
    list_filter = ["state", "mode", "is_demo"]
    search_fields = ["number"]


@admin.register(ExchangeRecord)
class ExchangeRecordAdmin(RecordAdmin):
    list_display = [
        "application",
        "kind",
        "sender",
        "receiver",
        "sent_at",
        "payload_sha256",
        "audit_seq",
    ]


admin.site.register(MaterialType, AuditedAdmin)
