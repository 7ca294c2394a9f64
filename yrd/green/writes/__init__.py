"""Every write of the green module: permission-checked, validated at once, in one transaction, audited."""

from .factors import PublicationInput, factor_add, publication_ensure
from .imports import period_import
from .periods import Entry, PeriodInput, period_return, period_review, period_save, period_submit
from .scenarios import scenario_create, scenario_run
from .sites import SiteInput, certification_add, site_register, target_set
from .storage import ProjectInput, storage_advance, storage_register

__all__ = [
    "certification_add",
    "factor_add",
    "period_import",
    "period_return",
    "period_review",
    "period_save",
    "period_submit",
    "publication_ensure",
    "scenario_create",
    "scenario_run",
    "site_register",
    "storage_advance",
    "storage_register",
    "target_set",
]
INPUTS = [Entry, PeriodInput, ProjectInput, PublicationInput, SiteInput]
