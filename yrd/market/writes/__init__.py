"""Every write of the market module."""

from .access import access_list_import
from .cases import TransitionInput, case_transition
from .consolidation import consolidation_run
from .matching import match_decide
from .reports import ReportInput, feed_import, report_submit

__all__ = [
    "access_list_import",
    "ReportInput",
    "TransitionInput",
    "case_transition",
    "consolidation_run",
    "feed_import",
    "match_decide",
    "report_submit",
]
