"""Network administrators keep hubs, links, timetables and parameters here (every change audited, each
default with its source beside it). Route requests, shipments and events are read-only: writes move them."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.transport.models import (
    CarrierToken,
    Hub,
    HubKindParameter,
    LegEvent,
    Link,
    ModeParameter,
    NetworkSetting,
    RouteQuery,
    Shipment,
    ShipmentLeg,
)


@admin.register(ModeParameter)
class ModeParameterAdmin(AuditedAdmin):
    list_display = ["mode", "speed_kmh", "cost_per_tkm", "co2_kg_per_tkm", "carries_dangerous_goods", "max_tonnes"]
    fields = [
        ("mode", "carries_dangerous_goods", "max_tonnes"),
        ("speed_kmh", "speed_source"),
        ("cost_per_tkm", "cost_source"),
        ("co2_kg_per_tkm", "co2_source"),
    ]


@admin.register(HubKindParameter)
class HubKindParameterAdmin(AuditedAdmin):
    list_display = ["kind", "transfer_hours", "transfer_cost_per_tonne", "handles_dangerous_goods"]
    fields = [
        "kind",
        "handles_dangerous_goods",
        ("transfer_hours", "hours_source"),
        ("transfer_cost_per_tonne", "cost_source"),
    ]


@admin.register(NetworkSetting)
class NetworkSettingAdmin(AuditedAdmin):
    list_display = ["__str__", "road_circuity", "access_radius_km", "tonnes_per_teu"]

    def has_add_permission(self, request):
        return not NetworkSetting.objects.exists()


@admin.register(Hub)
class HubAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "name_en", "city", "kind", "modes", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name_zh", "name_en"]
    autocomplete_fields = ["city"]


@admin.register(Link)
class LinkAdmin(AuditedAdmin):
    list_display = ["code", "mode", "from_city", "to_city", "distance_km", "derived", "departures", "is_active"]
    list_filter = ["mode", "derived", "is_active"]
    search_fields = ["code", "name_zh", "name_en"]
    autocomplete_fields = ["from_city", "to_city"]


class ReadOnlyAdmin(AuditedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RouteQuery)
class RouteQueryAdmin(ReadOnlyAdmin):
    list_display = ["number", "origin_label", "destination_label", "tonnes", "objective", "created_at", "is_demo"]
    search_fields = ["number"]


class LegInline(admin.TabularInline):
    model = ShipmentLeg
    extra = 0
    can_delete = False
    fields = ["seq", "mode", "origin_label", "destination_label", "planned_departure", "planned_arrival", "carrier"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Shipment)
class ShipmentAdmin(ReadOnlyAdmin):
    list_display = ["reference", "origin_label", "destination_label", "tonnes", "booked_at", "is_demo"]
    search_fields = ["reference", "external_reference"]
    inlines = [LegInline]


@admin.register(LegEvent)
class LegEventAdmin(ReadOnlyAdmin):
    list_display = ["event_id", "shipment", "leg", "kind", "occurred_at", "received_at"]
    search_fields = ["event_id", "shipment__reference"]


@admin.register(CarrierToken)
class CarrierTokenAdmin(ReadOnlyAdmin):
    list_display = ["carrier", "name", "created_by", "created_at", "revoked_at"]
