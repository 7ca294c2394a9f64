"""The application workflow as data: each transition, the states it leaves from, where it goes,
what must also hold, who may perform it, and the typed input it takes. This table is the only place
that says so: the writes' checks, the buttons on the application page and the API's choices are all
derived from it.

    submitted -> received -> [forwarded] -> accepted | rejected -> in_handling -> decided
    -> delivered; from received, forwarded, accepted or in handling a correction request goes
    back to the applicant and, answered, returns where it was.

Adding a transition is one entry here (with its input in inputs.py) plus the write that performs it,
marked `@performs("<name>")`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from yrd.core.actors import SYSTEM, check_actor
from yrd.core.errors import Conflict
from yrd.services.apps import ACCEPT, DECIDE, DELIVER, FORWARD, RECEIVE
from yrd.services.models import Application, Mode, State

from . import inputs
from .sides import APPLICANT, any_authority, lead_authority, online_authority, window


def _remote_only(application: Application) -> Conflict | None:
    if application.mode != Mode.REMOTE:
        message = _("Only remote receive-and-forward applications are forwarded; this one is “%(mode)s”.")
        return Conflict(message % {"mode": Mode(application.mode).label}, code="illegal_transition")
    return None


def _forwarded_first(application: Application) -> Conflict | None:
    if application.mode == Mode.REMOTE and application.state == State.RECEIVED:
        return Conflict(_("The receiving window has not forwarded this application yet."), code="not_forwarded")
    return None


def _not_joint(application: Application) -> Conflict | None:
    if application.mode == Mode.JOINT:
        message = _("A jointly handled application is decided by completing each jurisdiction's step.")
        return Conflict(message, code="illegal_transition")
    return None


def _joint_only(application: Application) -> Conflict | None:
    if application.mode != Mode.JOINT:
        return Conflict(_("Only jointly handled applications have steps to complete."), code="illegal_transition")
    return None


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # "Done: <label>." on the page, and in error messages
    heading: str  # the form's heading on the application page
    sources: frozenset
    target: str | None  # None: back to the state a correction interrupted, or unchanged
    who: tuple  # the sides (sides.Side, APPLICANT) that may perform it
    input: type[inputs.TransitionInput]
    guards: tuple[Callable[[Application], Conflict | None], ...] = ()  # why it may not happen now


def _t(name, label, heading, sources, target, who, input_class, guards=()):
    return Transition(name, label, heading, frozenset(sources), target, tuple(who), input_class, tuple(guards))


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t(
            "receive",
            pgettext_lazy("action done", "received"),
            gettext_lazy("Receive: check the materials"),
            {State.SUBMITTED},
            State.RECEIVED,
            (window(RECEIVE), online_authority(ACCEPT)),
            inputs.ReceiveInput,
        ),
        _t(
            "forward",
            pgettext_lazy("action done", "forwarded"),
            gettext_lazy("Forward to the competent authority"),
            {State.RECEIVED},
            State.FORWARDED,
            (window(FORWARD),),
            inputs.ForwardInput,
            (_remote_only,),
        ),
        _t(
            "accept",
            pgettext_lazy("action done", "accepted"),
            gettext_lazy("Accept"),
            {State.RECEIVED, State.FORWARDED},
            State.ACCEPTED,
            (lead_authority(ACCEPT),),
            inputs.AcceptInput,
            (_forwarded_first,),
        ),
        _t(
            "reject",
            pgettext_lazy("action done", "rejected"),
            gettext_lazy("Reject"),
            {State.RECEIVED, State.FORWARDED},
            State.REJECTED,
            (lead_authority(ACCEPT),),
            inputs.RejectInput,
            (_forwarded_first,),
        ),
        _t(
            "request_correction",
            pgettext_lazy("action done", "correction requested"),
            gettext_lazy("Ask for a correction (补正)"),
            {State.RECEIVED, State.FORWARDED, State.ACCEPTED, State.IN_HANDLING},
            State.CORRECTION,
            (lead_authority(ACCEPT),),
            inputs.CorrectionRequestInput,
            (_forwarded_first,),
        ),
        _t(
            "respond_correction",
            pgettext_lazy("action done", "correction sent"),
            gettext_lazy("Answer the correction request"),
            {State.CORRECTION},
            None,
            (APPLICANT, window(RECEIVE)),
            inputs.CorrectionResponseInput,
        ),
        _t(
            "start_handling",
            pgettext_lazy("action done", "handling started"),
            gettext_lazy("Start handling"),
            {State.ACCEPTED},
            State.IN_HANDLING,
            (lead_authority(DECIDE),),
            inputs.StartHandlingInput,
        ),
        _t(
            "decide",
            pgettext_lazy("action done", "decided"),
            gettext_lazy("Decide"),
            {State.IN_HANDLING},
            State.DECIDED,
            (lead_authority(DECIDE),),
            inputs.DecideInput,
            (_not_joint,),
        ),
        _t(
            "complete_step",
            pgettext_lazy("action done", "step completed"),
            gettext_lazy("Complete your step"),
            {State.IN_HANDLING},
            None,
            (any_authority(DECIDE),),
            inputs.CompleteStepInput,
            (_joint_only,),
        ),
        _t(
            "deliver",
            pgettext_lazy("action done", "delivered"),
            gettext_lazy("Hand over the result"),
            {State.DECIDED},
            State.DELIVERED,
            (window(DELIVER), any_authority(DELIVER)),
            inputs.DeliverInput,
        ),
    ]
}

# For each state, the states it may move to; derived from TRANSITIONS, shown in the docs and tests.
ALLOWED = {
    state: sorted({t.target or "resume" for t in TRANSITIONS.values() if state in t.sources}) for state in State.values
}

# The write performing each transition, registered by @performs on the write itself.
WRITES: dict[str, Callable] = {}


def performs(name: str):
    """Marks the write that performs transition `name`; it is called with the transition's input
    as keyword arguments (see perform)."""

    def register(write):
        WRITES[name] = write
        return write

    return register


def check(application: Application, name: str) -> Transition:
    """Raise Conflict (HTTP 409) with the reason when `name` may not happen in the current state
    or mode; return the Transition otherwise."""
    step = TRANSITIONS[name]
    state = State(application.state)
    if state not in step.sources:
        allowed = ", ".join(str(State(s).label) for s in sorted(step.sources))
        raise Conflict(
            _("Application %(number)s is “%(state)s”; “%(action)s” is possible only when it is: %(allowed)s.")
            % {"number": application.number, "state": state.label, "action": step.label, "allowed": allowed},
            code="illegal_transition",
        )
    for guard in step.guards:
        refusal = guard(application)
        if refusal is not None:
            raise refusal
    return step


def may_perform(user, application: Application, name: str) -> bool:
    """Whether `user`'s rights reach transition `name` of `application` (state not considered)."""
    if user is SYSTEM:
        return True
    return any(side.allows(user, application) for side in TRANSITIONS[name].who)


def authorise(acting_user, application: Application, name: str) -> Transition:
    """What every transition's write does first: 409 when the state does not allow it, 403 when
    the actor is on none of the sides that may perform it."""
    check_actor(acting_user)
    step = check(application, name)
    if not may_perform(acting_user, application, name):
        raise PermissionDenied(_("You may not do this for this application."))
    return step


def available(application: Application) -> list[str]:
    """The transitions that the state and mode allow now (the performer's rights not considered)."""
    result = []
    for name in TRANSITIONS:
        try:
            check(application, name)
        except Conflict:
            continue
        result.append(name)
    return result


def allowed_transitions(user, application: Application) -> list[str]:
    """The transitions this user may perform on the application now: the page's buttons and the
    API's `allowed_transitions`."""
    return [name for name in available(application) if may_perform(user, application, name)]


def perform(acting_user, application: Application, name: str, given: "inputs.TransitionInput"):
    """Perform transition `name` with its typed input: one entry for pages and the API."""
    return WRITES[name](acting_user=acting_user, application=application, **given.arguments(application))
