"""Every write of the low-altitude module: permission-checked, validated, in one transaction, audited."""

from .intents import consent_decide, intent_submit, intent_update, intent_withdraw
from .registry import (
    aircraft_register,
    coverage_save,
    restriction_save,
    restriction_withdraw,
    restrictions_import,
    site_save,
)

__all__ = [
    "aircraft_register",
    "consent_decide",
    "coverage_save",
    "intent_submit",
    "intent_update",
    "intent_withdraw",
    "restriction_save",
    "restriction_withdraw",
    "restrictions_import",
    "site_save",
]
