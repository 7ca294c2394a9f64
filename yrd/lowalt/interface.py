"""What other modules may use of the low-altitude module.

The emergency module files medical and relief flights here: they take priority over normal intents,
whose operators are told at once to replan (see `writes.intents`).
"""

from dataclasses import dataclass
from datetime import datetime

from yrd.core.models import Organisation
from yrd.lowalt import writes
from yrd.lowalt.deconfliction import VolumeInput
from yrd.lowalt.selectors import figures
from yrd.lowalt.writes.intents import IntentInput


@dataclass(frozen=True)
class EmergencyFiling:
    """The answer: the intent's number when accepted; otherwise the nearest free start, if any."""

    accepted: bool
    number: str | None
    free_start: datetime | None


def file_emergency_flight(
    *,
    acting_user,
    operator: Organisation,
    aircraft: str,
    purpose: str,
    route: list[list[float]],
    start: datetime,
    end: datetime,
    lower_m: float = 30,
    upper_m: float = 120,
    buffer_m: float = 50,
    idempotency_key: str | None = None,
) -> EmergencyFiling:
    """File an emergency flight along `route` ([longitude, latitude] points); ValidationError on bad input."""
    volume = VolumeInput("route", route, buffer_m, lower_m, upper_m, start, end)
    outcome = writes.intent_submit(
        acting_user=acting_user,
        operator=operator,
        data=IntentInput(aircraft, purpose, [volume], emergency=True),
        idempotency_key=idempotency_key,
    )
    if outcome.accepted:
        return EmergencyFiling(True, outcome.intent.number, None)
    free = outcome.assessment.free_window if outcome.assessment else None
    return EmergencyFiling(False, None, free.start if free else None)


def public_figures() -> dict[str, int]:
    """The figures the plan tracker shows, for modules that summarise the region."""
    return {
        "sites": figures.sites_operating(),
        "approved_operations": figures.operations_approved(),
        "conflicts_prevented": figures.conflicts_prevented(),
    }
