"""The application workflow: the transition table (table.py), the sides that may act (sides.py)
and each transition's typed input (inputs.py)."""

from .inputs import TransitionInput, from_post, validated
from .sides import (
    APPLICANT,
    all_authorities_scope,
    authority_scope,
    is_applicant,
    lead_steps,
    open_steps,
    steps_scope,
    window_scope,
)
from .table import (
    ALLOWED,
    TRANSITIONS,
    WRITES,
    Transition,
    allowed_transitions,
    authorise,
    available,
    check,
    may_perform,
    perform,
    performs,
)

__all__ = [
    "ALLOWED",
    "APPLICANT",
    "TRANSITIONS",
    "WRITES",
    "Transition",
    "TransitionInput",
    "all_authorities_scope",
    "allowed_transitions",
    "authorise",
    "authority_scope",
    "available",
    "check",
    "from_post",
    "is_applicant",
    "lead_steps",
    "may_perform",
    "open_steps",
    "perform",
    "performs",
    "steps_scope",
    "validated",
    "window_scope",
]
