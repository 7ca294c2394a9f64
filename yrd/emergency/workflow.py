"""A commitment's life as data: each transition, the states it leaves from, where it goes, and who
may perform it (an action on one side: the sending warehouse, or the receiving request). The writes
check here, the pages and the API derive their buttons and choices from here.

    committed -> dispatched -> received;  committed -> cancelled
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.emergency.apps import ALLOCATE, DISPATCH, RECEIVE
from yrd.emergency.models import Commitment

SOURCE, DESTINATION = "source", "destination"
Status = Commitment.Status


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    performers: tuple[tuple[str, str], ...]  # (action, side): any one of them may perform it


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("dispatch", frozenset({Status.COMMITTED}), Status.DISPATCHED, ((DISPATCH, SOURCE),)),
        Transition("receive", frozenset({Status.DISPATCHED}), Status.RECEIVED, ((RECEIVE, DESTINATION),)),
        Transition(
            "cancel", frozenset({Status.COMMITTED}), Status.CANCELLED, ((DISPATCH, SOURCE), (ALLOCATE, DESTINATION))
        ),
    ]
}

LABELS = {
    "dispatch": pgettext_lazy("commitment action", "Dispatch"),
    "receive": pgettext_lazy("commitment action", "Confirm receipt"),
    "cancel": pgettext_lazy("commitment action", "Cancel"),
}


def _side(commitment: Commitment, side: str):
    return commitment.source() if side == SOURCE else commitment.destination()


def may(user, commitment: Commitment, name: str) -> bool:
    """Whether `user` may perform the transition now (right role and side, right state)."""
    transition = TRANSITIONS[name]
    return commitment.status in transition.sources and _allowed(user, commitment, transition)


def allowed_transitions(user, commitment: Commitment) -> list[str]:
    return [name for name in TRANSITIONS if may(user, commitment, name)]


def check(user, commitment: Commitment, name: str) -> Transition:
    """The transition, or PermissionDenied (wrong person) / Conflict (wrong state)."""
    transition = TRANSITIONS[name]
    if not _allowed(user, commitment, transition):
        raise PermissionDenied(_("Your role does not allow this for this commitment."))
    if commitment.status not in transition.sources:
        raise Conflict(
            _("%(number)s is %(status)s: “%(action)s” is not possible now.")
            % {"number": commitment.number, "status": commitment.get_status_display(), "action": LABELS[name]},
            code="wrong_state",
        )
    return transition


def _allowed(user, commitment: Commitment, transition: Transition) -> bool:
    return any(can(user, action, _side(commitment, side)) for action, side in transition.performers)
