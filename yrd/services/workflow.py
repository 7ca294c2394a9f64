"""The application workflow as data: each transition, the states it leaves from, where it goes, and
which side performs it. Services check here; nothing else moves an application's state.

    submitted -> received -> [forwarded] -> accepted | rejected -> in_handling -> decided
    -> delivered; from received, forwarded, accepted or in handling a correction request goes
    back to the applicant and, answered, returns where it was.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from yrd.core.errors import Conflict
from yrd.services.apps import ACCEPT, APPLY, DECIDE, DELIVER, FORWARD, RECEIVE
from yrd.services.models import Mode, State

WINDOW, AUTHORITY, APPLICANT = "window", "authority", "applicant"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str | None  # None: back to the state the correction interrupted
    action: str
    side: str  # whose scope the performer needs: the receiving window's, or a handling authority's


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("receive", frozenset({State.SUBMITTED}), State.RECEIVED, RECEIVE, WINDOW),
        Transition("forward", frozenset({State.RECEIVED}), State.FORWARDED, FORWARD, WINDOW),
        Transition(
            "accept",
            frozenset({State.RECEIVED, State.FORWARDED}),
            State.ACCEPTED,
            ACCEPT,
            AUTHORITY,
        ),
        Transition(
            "reject",
            frozenset({State.RECEIVED, State.FORWARDED}),
            State.REJECTED,
            ACCEPT,
            AUTHORITY,
        ),
        Transition(
            "request_correction",
            frozenset({State.RECEIVED, State.FORWARDED, State.ACCEPTED, State.IN_HANDLING}),
            State.CORRECTION,
            ACCEPT,
            AUTHORITY,
        ),
        Transition("respond_correction", frozenset({State.CORRECTION}), None, APPLY, APPLICANT),
        Transition("start_handling", frozenset({State.ACCEPTED}), State.IN_HANDLING, DECIDE, AUTHORITY),
        Transition("decide", frozenset({State.IN_HANDLING}), State.DECIDED, DECIDE, AUTHORITY),
        Transition("complete_step", frozenset({State.IN_HANDLING}), None, DECIDE, AUTHORITY),
        Transition("deliver", frozenset({State.DECIDED}), State.DELIVERED, DELIVER, WINDOW),
    ]
}

# What each transition is called on the page ("Done: <label>.") and in error messages.
LABELS = {
    "receive": pgettext_lazy("action done", "received"),
    "forward": pgettext_lazy("action done", "forwarded"),
    "accept": pgettext_lazy("action done", "accepted"),
    "reject": pgettext_lazy("action done", "rejected"),
    "request_correction": pgettext_lazy("action done", "correction requested"),
    "respond_correction": pgettext_lazy("action done", "correction sent"),
    "start_handling": pgettext_lazy("action done", "handling started"),
    "decide": pgettext_lazy("action done", "decided"),
    "complete_step": pgettext_lazy("action done", "step completed"),
    "deliver": pgettext_lazy("action done", "delivered"),
}

# For each state, the states it may move to; derived from TRANSITIONS, shown in the docs and tests.
ALLOWED = {
    state: sorted({t.target or "resume" for t in TRANSITIONS.values() if state in t.sources}) for state in State.values
}


def transition(name):
    return TRANSITIONS[name]


def check(application, name):
    """Raise Conflict (HTTP 409) with the reason when `name` may not happen in the current state
    or mode; return the Transition otherwise."""
    step = TRANSITIONS[name]
    state = State(application.state)
    if state not in step.sources:
        allowed = ", ".join(str(State(s).label) for s in sorted(step.sources))
        raise Conflict(
            _("Application %(number)s is “%(state)s”; “%(action)s” is possible only when it is: %(allowed)s.")
            % {
                "number": application.number,
                "state": state.label,
                "action": LABELS[name],
                "allowed": allowed,
            },
            code="illegal_transition",
        )
    if name == "forward" and application.mode != Mode.REMOTE:
        raise Conflict(
            _("Only remote receive-and-forward applications are forwarded; this one is “%(mode)s”.")
            % {"mode": Mode(application.mode).label},
            code="illegal_transition",
        )
    if (
        name in ("accept", "reject", "request_correction")
        and application.mode == Mode.REMOTE
        and state == State.RECEIVED
    ):
        raise Conflict(_("The receiving window has not forwarded this application yet."), code="not_forwarded")
    if name == "decide" and application.mode == Mode.JOINT:
        raise Conflict(
            _("A jointly handled application is decided by completing each jurisdiction's step."),
            code="illegal_transition",
        )
    if name == "complete_step" and application.mode != Mode.JOINT:
        raise Conflict(
            _("Only jointly handled applications have steps to complete."),
            code="illegal_transition",
        )
    return step


def available(application, names=None):
    """The transitions that the state and mode allow now (the performer's rights not considered)."""
    result = []
    for name in names or TRANSITIONS:
        try:
            check(application, name)
        except Conflict:
            continue
        result.append(name)
    return result
