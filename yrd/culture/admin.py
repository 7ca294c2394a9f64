"""Administration of the culture module: resources, components and park projects may be corrected
here (every change audited); reservations and dossier versions are read-only, because they change
only through their writes (booking, cancelling, saving a section), and so are entry slots,
attachments (whose files are checked and cleaned on the way in) and milestones."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin
from yrd.culture.models import (
    Attachment,
    BidMilestone,
    Component,
    EntrySlot,
    HeritageResource,
    ParkProject,
    Reservation,
)


@admin.register(HeritageResource)
class HeritageResourceAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "kind", "city", "protection", "published", "sensitive", "is_demo"]
    list_filter = ["kind", "protection", "park", "published", "sensitive", "is_demo"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(Component)
class ComponentAdmin(AuditedAdmin):
    list_display = ["resource", "management_plan", "updated_at"]


@admin.register(ParkProject)
class ParkProjectAdmin(AuditedAdmin):
    list_display = ["name_zh", "park", "province", "stage", "progress", "is_demo"]
    list_filter = ["park", "stage", "is_demo"]


@admin.register(Reservation)
class ReservationAdmin(AuditedAdmin):
    list_display = ["number", "resource", "visit_date", "party_size", "status"]
    list_filter = ["status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class ReadOnly(AuditedAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(EntrySlot)
class EntrySlotAdmin(ReadOnly):
    list_display = ["resource", "starts", "ends", "capacity"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnly):
    list_display = ["name", "resource", "content_type", "public", "has_gps", "uploaded_at"]
    list_filter = ["public", "has_gps"]
    exclude = ["file"]  # read through the access-checked download view, never from /media/


@admin.register(BidMilestone)
class BidMilestoneAdmin(ReadOnly):
    list_display = ["code", "name_zh", "component", "plan_task", "due", "done_on", "is_demo"]
