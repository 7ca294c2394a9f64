"""The tamper-evident audit log: append inside the writer's transaction, verify the whole chain."""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from yrd.core.actors import SYSTEM, check_actor
from yrd.core.context import origin
from yrd.core.models import AuditEntry, AuditHead
from yrd.core.registry import registry

GENESIS = "0" * 64
CHAINED_FIELDS = (
    "seq",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "jurisdiction",
    "ip",
    "data",
    "prev_hash",
)


def plain_json(data):
    """Decimals, dates and lazy strings become JSON values, so what is hashed is what is stored."""
    return json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder, ensure_ascii=False))


def entry_hash(values):
    canonical = json.dumps(
        {name: values[name] for name in CHAINED_FIELDS},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _now_to_the_millisecond():
    # Databases differ in sub-millisecond precision; hash only what every one of them keeps.
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


class UndeclaredAuditEvent(ValueError):
    """An audit event name no module's manifest declares (Manifest.audit_events)."""


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    object_type: str = "",
    object_id="",
    object_repr: str = "",
    jurisdiction: str = "",
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry. Must run inside the transaction of the write it describes; `actor` is a
    person or SYSTEM, `action` an event its module declares in the manifest's `audit_events`."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must run inside the write's transaction")
    check_actor(actor)
    if action not in registry.audit_events:
        raise UndeclaredAuditEvent(f"{action!r} is not declared in any module's Manifest.audit_events.")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    values = {
        "seq": head.seq + 1,
        "at": _now_to_the_millisecond(),
        "actor_id": None if actor is SYSTEM else actor.pk,
        "actor_label": str(actor)[:150],
        "action": action,
        "object_type": object_type or (obj._meta.label if obj is not None else ""),
        "object_id": str(object_id or (obj.pk if obj is not None else "")),
        "object_repr": (object_repr or (str(obj) if obj is not None else ""))[:200],
        "jurisdiction": jurisdiction,
        "ip": origin.get(),
        "data": plain_json(data),
        "prev_hash": head.hash,
    }
    values["hash"] = entry_hash(values)
    entry = AuditEntry.objects.create(**values)
    head.seq, head.hash = entry.seq, entry.hash
    head.save(update_fields=["seq", "hash"])
    return entry


@dataclass
class ChainBreak:
    seq: int
    reason: str


def _stored_values(entry):
    values = {name: getattr(entry, name) for name in CHAINED_FIELDS}
    values["at"] = entry.at.astimezone(UTC)
    return values


def verify_chain(progress=None):
    """Walk the log in order; return the first ChainBreak, or None when the chain is intact."""
    expected_seq, previous = 1, GENESIS
    with transaction.atomic():
        head = AuditHead.objects.filter(pk=1).first()
        for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
            if entry.seq != expected_seq:
                return ChainBreak(expected_seq, f"entry #{expected_seq} is missing")
            if entry.prev_hash != previous:
                return ChainBreak(entry.seq, "does not follow the previous entry's hash")
            if entry_hash(_stored_values(entry)) != entry.hash:
                return ChainBreak(entry.seq, "content does not match its hash (altered)")
            previous, expected_seq = entry.hash, expected_seq + 1
            if progress:
                progress()
        last_seq = expected_seq - 1
        if head is not None and (head.seq != last_seq or head.hash != previous):
            return ChainBreak(last_seq + 1, f"entries after #{last_seq} were deleted")
    return None
