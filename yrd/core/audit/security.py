"""Security events in the audit chain: lockouts, role changes, reveal bursts and the audit log's
own alarms, recorded like any write and announced after commit to whoever raises the alerts.

    record_security_event("lockout", actor=SYSTEM, data={"account": ...}, personal={"username": ..., "ip": ...})

Alerting connects to `security_event` (a Django signal sent with `entry` and `kind` once the entry is
committed), so an alert never fires for an event that was rolled back.
"""

from django.db import transaction
from django.dispatch import Signal

from yrd.core.actors import SYSTEM
from yrd.core.apps import CoreConfig
from yrd.core.audit.chain import audit_record

PREFIX = "core.security."
# The kinds are declared once, as audit events "core.security.<kind>" of the core manifest.
SECURITY_EVENTS = tuple(
    event.removeprefix(PREFIX) for event in CoreConfig.manifest.audit_events if event.startswith(PREFIX)
)

security_event = Signal()  # sent with entry=AuditEntry, kind=str after the entry commits


class UnknownSecurityEvent(ValueError):
    pass


def record_security_event(
    kind: str, *, actor=SYSTEM, obj=None, jurisdiction: str = "", data: dict | None = None, personal: dict | None = None
):
    """Append a security event to the audit chain (in the caller's transaction, or its own) and
    announce it once committed. `personal`: details naming a person (a username typed at sign-in),
    kept for their retention period only (see audit_record)."""
    if kind not in SECURITY_EVENTS:
        raise UnknownSecurityEvent(f"{kind!r} is not one of {', '.join(SECURITY_EVENTS)}.")
    with transaction.atomic():
        entry = audit_record(
            actor=actor, action=PREFIX + kind, obj=obj, jurisdiction=jurisdiction, data=data, personal=personal
        )
        announce(entry)
    return entry


def announce(entry) -> None:
    kind = entry.action.removeprefix(PREFIX)
    transaction.on_commit(lambda: security_event.send(sender=record_security_event, entry=entry, kind=kind))


def watch_reveals(entry, actor) -> None:
    """A reveal burst: the same person revealed REVEAL_BURST_COUNT personal values (any module's reveal
    events) within REVEAL_BURST_MINUTES. Recorded when the count reaches the threshold and at each
    further multiple, so a burst alerts once per threshold crossed rather than at every reveal."""
    from datetime import timedelta

    from django.conf import settings

    from yrd.core.audit.chain import is_reveal
    from yrd.core.models import AuditEntry

    threshold = getattr(settings, "REVEAL_BURST_COUNT", 20)
    minutes = getattr(settings, "REVEAL_BURST_MINUTES", 10)
    if threshold <= 0:
        return
    recent = AuditEntry.objects.filter(
        actor_id=entry.actor_id, at__gt=entry.at - timedelta(minutes=minutes), action__contains="reveal"
    ).values_list("action", flat=True)
    count = sum(1 for action in recent if is_reveal(action))
    if count and count % threshold == 0:
        entry_actor = {"id": entry.actor_id}  # by account number: the name is the entry's (erasable) actor
        record_security_event(
            "reveal_burst",
            actor=actor,
            jurisdiction=entry.jurisdiction,
            data={"actor": entry_actor, "reveals": count, "minutes": minutes, "last": entry.seq},
        )
