"""The typed inputs of the longer writes (a route request, a carrier's event report)."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class PlanInput:
    origin: str | tuple[float, float]
    destination: str | tuple[float, float]
    tonnes: float | None = None
    teu: float | None = None
    dangerous_goods: bool = False
    modes: tuple[str, ...] = ()  # empty: every mode
    departure: datetime | None = None
    deadline: datetime | None = None
    objective: str = "pareto"
    is_demo: bool = False
    organisation: object = field(default=None, compare=False)  # None: the actor's own


@dataclass(frozen=True)
class EventInput:
    event_id: str
    kind: str
    occurred_at: datetime
    eta: datetime | None = None
    note: str = ""
