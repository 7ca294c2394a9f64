"""Every write of the market module."""

from .consolidation import consolidation_run
from .reports import ReportInput, feed_import, report_submit

__all__ = ["ReportInput", "consolidation_run", "feed_import", "report_submit"]
