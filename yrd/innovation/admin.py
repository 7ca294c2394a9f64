"""The registry, instruments, programmes, calls and capabilities are kept here (audited). Bookings,
usage, vouchers, redemptions, assignments, reviews and awards are read-only: they change only through
the module's writes, which keep budgets from going negative, spend a voucher once and never double
book an instrument."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin, RecordAdmin
from yrd.innovation.models import (
    Assignment,
    Award,
    Booking,
    Call,
    Capability,
    Centre,
    CooperationProject,
    Exhibition,
    Expert,
    Instrument,
    Meeting,
    Programme,
    Proposal,
    Recognition,
    Redemption,
    Review,
    Reviewer,
    Usage,
    Voucher,
)


@admin.register(Centre)
class CentreAdmin(AuditedAdmin):
    list_display = ["name_zh", "kind", "city", "field", "is_public", "is_demo"]
    list_filter = ["kind", "is_public", "is_demo"]
    search_fields = ["name_zh", "name_en"]


@admin.register(CooperationProject)
class CooperationAdmin(AuditedAdmin):
    list_display = ["title_zh", "partner_country", "stage", "plan_task", "is_demo"]
    list_filter = ["partner_country", "stage", "is_demo"]


@admin.register(Expert)
class ExpertAdmin(AuditedAdmin):
    list_display = ["name", "institution", "fields", "is_public"]


@admin.register(Recognition)
class RecognitionAdmin(AuditedAdmin):
    list_display = ["name_zh", "issued_in", "accepted_in", "since"]


@admin.register(Instrument)
class InstrumentAdmin(AuditedAdmin):
    list_display = ["code", "name_zh", "category", "owner", "city", "hourly_price", "is_demo"]
    list_filter = ["category", "is_demo"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(Programme)
class ProgrammeAdmin(AuditedAdmin):
    list_display = ["province", "year", "budget_cny", "firm_cap_cny"]


@admin.register(Call)
class CallAdmin(AuditedAdmin):
    list_display = ["code", "title_zh", "budget_cny", "opens_on", "closes_on", "awarded_at"]


@admin.register(Reviewer)
class ReviewerAdmin(AuditedAdmin):
    list_display = ["user", "institution", "fields", "max_load"]


@admin.register(Capability)
class CapabilityAdmin(AuditedAdmin):
    list_display = ["code", "kind", "title", "province", "field"]
    list_filter = ["kind", "field"]
    search_fields = ["code", "title", "text"]


@admin.register(Exhibition)
class ExhibitionAdmin(AuditedAdmin):
    list_display = ["name_zh", "city", "starts_on", "ends_on"]


for model in (Booking, Usage, Voucher, Redemption, Proposal, Assignment, Review, Award, Meeting):
    admin.site.register(model, RecordAdmin)
