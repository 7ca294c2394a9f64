from .airspace import AirspaceRestriction
from .fleet import Aircraft
from .infrastructure import Coverage, Site
from .intents import HOLDING, Consent, Intent, IntentState, IntentVolume, Refusal

__all__ = [
    "HOLDING",
    "Aircraft",
    "AirspaceRestriction",
    "Consent",
    "Coverage",
    "Intent",
    "IntentState",
    "IntentVolume",
    "Refusal",
    "Site",
]
