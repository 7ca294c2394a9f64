"""Every write of the market module. Their typed inputs live beside them (writes.reports.ReportInput,
writes.cases.TransitionInput)."""

from .access import access_list_import
from .cases import case_transition
from .consolidation import consolidation_run
from .evidence import case_evidence_add
from .matching import match_decide
from .reports import feed_import, report_submit
from .reveal import reporter_contact_reveal
from .triage import cases_triage

__all__ = [
    "access_list_import",
    "case_evidence_add",
    "case_transition",
    "cases_triage",
    "consolidation_run",
    "feed_import",
    "match_decide",
    "report_submit",
    "reporter_contact_reveal",
]
