"""The catalogue, members and warehouses are kept here (audited). The ledger, requests, runs and
commitments are read-only: they change only through the module's writes, which keep stock from going
negative and number every document."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.emergency.models import (
    AllocationRun,
    Commitment,
    Drill,
    Incident,
    Item,
    Lot,
    Member,
    StockTransaction,
    SupplyRequest,
    Warehouse,
)


@admin.register(Item)
class ItemAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "category", "kind", "unit", "expires", "core", "is_demo"]
    list_filter = ["category", "kind", "core", "is_demo"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(Member)
class MemberAdmin(AuditedAdmin):
    list_display = ["organisation", "jurisdiction", "kind", "joined_on", "is_demo"]
    list_filter = ["kind", "is_demo"]
    autocomplete_fields = ["organisation"]


@admin.register(Warehouse)
class WarehouseAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "member", "city", "capacity_m3", "active", "is_demo"]
    list_filter = ["active", "is_demo"]
    search_fields = ["code", "name_zh", "name_en"]


class ReadOnlyAdmin(AuditedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Lot)
class LotAdmin(ReadOnlyAdmin):
    list_display = ["warehouse", "item", "number", "expires_on"]
    list_filter = ["warehouse"]
    search_fields = ["number"]


@admin.register(StockTransaction)
class StockTransactionAdmin(ReadOnlyAdmin):
    list_display = ["number", "kind", "reason", "at", "by", "is_demo"]
    list_filter = ["kind", "warehouse"]
    search_fields = ["number", "counterpart"]


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdmin):
    list_display = ["number", "name_zh", "kind", "jurisdiction", "started_at", "closed_at", "is_demo"]


@admin.register(SupplyRequest)
class SupplyRequestAdmin(ReadOnlyAdmin):
    list_display = ["number", "site", "city", "priority", "needed_by", "status", "is_demo"]
    list_filter = ["status", "priority"]
    search_fields = ["number", "site"]


@admin.register(AllocationRun)
class AllocationRunAdmin(ReadOnlyAdmin):
    list_display = ["number", "jurisdiction", "status", "as_of", "objective", "total_seconds"]


@admin.register(Commitment)
class CommitmentAdmin(ReadOnlyAdmin):
    list_display = ["number", "warehouse", "request", "status", "created_at", "dispatched_at", "received_at"]
    list_filter = ["status"]
    search_fields = ["number", "shipment"]


@admin.register(Drill)
class DrillAdmin(ReadOnlyAdmin):
    list_display = ["number", "name", "jurisdiction", "as_of"]
