"""Administrators correct the registers; intents, consents and refusals are read-only here, because only
the writes (with their conflict check) may move them."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.lowalt.models import Aircraft, AirspaceRestriction, Consent, Coverage, Intent, IntentVolume, Refusal, Site


@admin.register(Site)
class SiteAdmin(AuditedAdmin):
    list_display = ["name_zh", "kind", "city", "owner", "pads", "charging_points", "status", "is_demo"]
    list_filter = ["kind", "status", "is_demo"]
    search_fields = ["name_zh", "name_en"]


@admin.register(Coverage)
class CoverageAdmin(AuditedAdmin):
    list_display = ["kind", "technology", "city", "provider", "ceiling_m", "is_demo"]
    list_filter = ["kind", "is_demo"]


@admin.register(Aircraft)
class AircraftAdmin(AuditedAdmin):
    list_display = ["registration", "model_name", "aircraft_class", "operator", "is_demo"]
    list_filter = ["aircraft_class", "is_demo"]
    search_fields = ["registration", "model_name"]


@admin.register(AirspaceRestriction)
class AirspaceRestrictionAdmin(AuditedAdmin):
    list_display = ["ref", "name_zh", "kind", "province", "lower_m", "upper_m", "is_demo"]
    list_filter = ["kind", "province", "is_demo"]
    search_fields = ["ref", "name_zh"]


class ReadOnly(AuditedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VolumeInline(admin.TabularInline):
    model = IntentVolume
    fields = ["ordinal", "kind", "buffer_m", "lower_m", "upper_m", "starts_at", "ends_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


class ConsentInline(admin.TabularInline):
    model = Consent
    fields = ["order", "province", "state", "decided_by", "decided_at", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Intent)
class IntentAdmin(ReadOnly):
    list_display = ["number", "operator", "aircraft", "state", "priority", "starts_at", "ends_at", "is_demo"]
    list_filter = ["state", "priority", "is_demo"]
    search_fields = ["number"]
    inlines = [VolumeInline, ConsentInline]


@admin.register(Refusal)
class RefusalAdmin(ReadOnly):
    list_display = ["operator", "at", "conflicts", "is_demo"]
