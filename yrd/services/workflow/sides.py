"""Who stands on which side of an application, and who may act for each side.

A window officer's rights reach the applications received at their window; a handling officer's
the applications their jurisdiction (or authority) handles; the applicant acts for themselves. The
sides are checked separately, so a Shanghai handling officer does not act on an application merely
received in Shanghai. The transition table (table.py) names, for each transition, the sides that
may perform it; nothing else decides that.
"""

from collections.abc import Callable
from dataclasses import dataclass

from yrd.core.access import Scope, can
from yrd.services.models import Application, HandlingStep


def window_scope(application: Application) -> Scope | None:
    """The receiving window's side; None when the application was made online."""
    window = application.receiving_window
    return Scope((window.jurisdiction,), (window,)) if window else None


def steps_scope(steps) -> Scope:
    steps = list(steps)
    return Scope(tuple(s.jurisdiction for s in steps), tuple(s.authority for s in steps))


def lead_steps(application: Application) -> list[HandlingStep]:
    """The steps that accept and start an application: those of the lowest order."""
    steps = list(application.steps.all())
    first = min((s.order for s in steps), default=None)
    return [s for s in steps if s.order == first]


def authority_scope(application: Application) -> Scope:
    """The side of the competent authority that accepts and starts the application."""
    return steps_scope(lead_steps(application))


def online_authority_scope(application: Application) -> Scope | None:
    """The authority's side for what a window would otherwise do (an online application)."""
    return None if application.receiving_window_id else authority_scope(application)


def all_authorities_scope(application: Application) -> Scope:
    return steps_scope(application.steps.all())


def open_steps(application: Application) -> list[HandlingStep]:
    """Pending steps whose earlier steps are complete: the ones that may be completed now."""
    steps = list(application.steps.all())
    pending = HandlingStep.Outcome.PENDING
    return [
        step
        for step in steps
        if step.outcome == pending and not any(s.order < step.order and s.outcome == pending for s in steps)
    ]


def open_steps_scope(application: Application) -> Scope | None:
    steps = open_steps(application)
    return steps_scope(steps) if steps else None


def is_applicant(user, application: Application) -> bool:
    return bool(getattr(user, "is_authenticated", False) and application.applicant_user_id == user.pk)


@dataclass(frozen=True)
class Side:
    """People holding `action` over the scope `scope(application)` returns (no one when it returns
    None: the application has no such side)."""

    action: str
    scope: Callable[[Application], Scope | None]

    def allows(self, user, application: Application) -> bool:
        scope = self.scope(application)
        return scope is not None and can(user, self.action, scope)


@dataclass(frozen=True)
class ApplicantSide:
    """The applicant's own account."""

    def allows(self, user, application: Application) -> bool:
        return is_applicant(user, application)


def window(action: str) -> Side:
    return Side(action, window_scope)


def lead_authority(action: str) -> Side:
    return Side(action, authority_scope)


def online_authority(action: str) -> Side:
    return Side(action, online_authority_scope)


def any_authority(action: str) -> Side:
    return Side(action, all_authorities_scope)


def open_step(action: str) -> Side:
    return Side(action, open_steps_scope)


APPLICANT = ApplicantSide()
