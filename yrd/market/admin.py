"""Administration of the market module. The negative list may be corrected here (each change audited; the usual
way is the all-or-nothing import). Reports, cases and everything consolidation made are records: shown, never
added, changed or deleted here — they change only through the module's writes. A reporter's contact is not
shown here (the case page reveals it to the lead regulator, audited), nor is an evidence file served from here."""

from django.contrib import admin

from yrd.core.admin_audit import AuditedAdmin, RecordAdmin
from yrd.market.models import (
    AccessMeasure,
    Case,
    CaseEvent,
    ConsolidationRun,
    Evidence,
    MatchDecision,
    Report,
    ReviewPair,
)


@admin.register(AccessMeasure)
class AccessMeasureAdmin(AuditedAdmin):
    list_display = ["code", "activity_code", "activity_zh", "kind", "authority", "area_adcode", "is_demo"]
    list_filter = ["kind", "area_adcode", "is_demo"]
    search_fields = ["code", "activity_code", "activity_zh", "activity_en", "legal_basis"]


@admin.register(Report)
class ReportAdmin(RecordAdmin):
    list_display = ["receipt", "channel", "subject_name", "uscc_status", "category", "incident_city", "received_at",
                    "case", "is_demo"]  # fmt: skip
    list_filter = ["channel", "category", "uscc_status", "incident_city__parent", "is_demo"]
    search_fields = ["receipt", "subject_name", "subject_uscc", "external_id"]
    exclude = ["reporter_name", "reporter_phone", "reporter_email", "description"]


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(RecordAdmin):
    list_display = ["__str__", "enterprise_name", "enterprise_uscc", "category", "lead_jurisdiction", "state",
                    "outcome", "published", "is_demo"]  # fmt: skip
    list_filter = ["state", "outcome", "category", "published", "lead_jurisdiction__parent", "is_demo"]
    search_fields = ["enterprise_name", "enterprise_uscc", "enterprise_key"]
    inlines = [CaseEventInline]


@admin.register(Evidence)
class EvidenceAdmin(RecordAdmin):
    list_display = ["name", "report", "case", "content_type", "uploaded_at"]
    exclude = ["file"]  # served only by the access-checked download


@admin.register(ConsolidationRun)
class ConsolidationRunAdmin(RecordAdmin):
    list_display = ["__str__", "mode", "reports", "enterprises", "review_pairs", "finished_at"]
    exclude = ["model"]


@admin.register(ReviewPair)
class ReviewPairAdmin(RecordAdmin):
    list_display = ["__str__", "match_probability", "linked", "refusal", "run"]


@admin.register(MatchDecision)
class MatchDecisionAdmin(RecordAdmin):
    list_display = ["__str__", "kind", "decided_by", "decided_at"]
