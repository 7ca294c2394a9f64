from .accounts import ActivityRecord, EmissionFactor, FactorPublication, ReportingPeriod
from .scenarios import Scenario
from .sites import Certification, Site, Target
from .storage import StorageProject

__all__ = [
    "ActivityRecord",
    "Certification",
    "EmissionFactor",
    "FactorPublication",
    "ReportingPeriod",
    "Scenario",
    "Site",
    "StorageProject",
    "Target",
]
