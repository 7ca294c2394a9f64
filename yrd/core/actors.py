"""Who performs a write: a signed-in person, or the platform itself.

Every write takes `acting_user`. Loaders, commands and scheduled jobs pass `SYSTEM`, which may do
anything and is recorded as "system" in the audit log. `None` is never an actor: a write called
with it is refused, so a caller that forgot to say who acts cannot skip the permission checks.
"""

import functools

from django.db import transaction


class SystemActor:
    """The platform acting on its own behalf (reference and demo loaders, commands, schedules)."""

    pk = None
    id = None
    is_authenticated = False
    is_active = True
    is_superuser = False
    is_staff = False
    username = "system"
    language = "zh-hans"
    email = ""

    def __str__(self) -> str:
        return "system"

    def __repr__(self) -> str:
        return "SYSTEM"

    def __reduce__(self):
        return "SYSTEM"


SYSTEM = SystemActor()


class MissingActor(TypeError):
    """A write was called without saying who acts (`acting_user=None`)."""


def check_actor(actor) -> None:
    if actor is None:
        raise MissingActor("A write needs an actor: the signed-in person, or SYSTEM for the platform itself.")


def person(actor):
    """The User behind an actor, for foreign keys such as `submitted_by`; None for SYSTEM."""
    check_actor(actor)
    return None if actor is SYSTEM else actor


def write(function):
    """Marks a write (`<entity>_<verb>(*, acting_user, ...)`): it runs in one transaction, and a
    call without an actor is refused before anything else happens."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        check_actor(kwargs.get("acting_user"))
        with transaction.atomic():
            return function(*args, **kwargs)

    wrapper.is_write = True
    return wrapper
