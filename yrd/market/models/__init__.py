from .access import AccessMeasure
from .cases import Case, CaseEvent, CaseState
from .matching import ConsolidationRun, MatchDecision, ReportFeatures, ReviewPair
from .reports import Evidence, Report

__all__ = [
    "AccessMeasure",
    "Case",
    "CaseEvent",
    "CaseState",
    "ConsolidationRun",
    "Evidence",
    "MatchDecision",
    "Report",
    "ReportFeatures",
    "ReviewPair",
]
