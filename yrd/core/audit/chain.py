"""Appending to the audit log, inside the transaction of the write it describes.

The log is a small number of parallel hash chains (AUDIT_CHAINS). A write locks the head of a chain
that no other transaction holds (`SKIP LOCKED`), preferring the one its connection used last, so
audited writes no longer queue behind one platform-wide lock: they wait only when every chain is held
at once. `seq` numbers entries across all chains in the order they were appended (a PostgreSQL
sequence; rolled-back writes leave gaps). Each entry records the hash algorithm it was chained with,
so changing CRYPTO_SUITE continues the chains under the new hash without breaking the old entries.
"""

import json
import logging
import random
import secrets
from functools import lru_cache

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, Max, Value, When
from django.utils import timezone

from yrd.core.actors import SYSTEM, check_actor
from yrd.core.context import origin
from yrd.core.crypto.suites import current_suite, hexdigest
from yrd.core.models import AuditEntry, AuditHead, DataVersion
from yrd.core.models.audit import GENESIS
from yrd.core.personal import audit_repr
from yrd.core.registry import registry

log = logging.getLogger(__name__)

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
# Format 2 (AuditEntry.FORMAT_PERSONAL_DIGEST): the personal values are hashed apart, with a salt, and
# the entry's hash covers their digest, so they can be erased at the end of their retention period.
PERSONAL_VALUES = ("actor_label", "ip", "personal_data")
CHAINED_FIELDS_V2 = tuple(name for name in CHAINED_FIELDS if name not in PERSONAL_VALUES) + ("personal_digest",)
SEQUENCE = "core_audit_seq"  # created by migration 0005 on PostgreSQL
# Events that record without changing what any page shows: they move no data version.
RECORD_ONLY = ("core.personal.export", "core.audit.export")
HEAD_RESTORED = "core.security.audit_head_restored"


def plain_json(data):
    """Decimals, dates and lazy strings become JSON values, so what is hashed is what is stored."""
    return json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder, ensure_ascii=False))


def _json(values: dict) -> bytes:
    return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder).encode()


def canonical(values: dict, fmt: int = AuditEntry.FORMAT_PLAIN) -> bytes:
    if fmt == AuditEntry.FORMAT_PERSONAL_DIGEST:
        return _json({"v": fmt, **{name: values[name] for name in CHAINED_FIELDS_V2}})
    return _json({name: values[name] for name in CHAINED_FIELDS})


def entry_hash(values: dict, algorithm: str = "sha256", fmt: int = AuditEntry.FORMAT_PLAIN) -> str:
    return hexdigest(algorithm, canonical(values, fmt))


def personal_digest(values: dict, salt: str, algorithm: str = "sha256") -> str:
    """The digest of an entry's personal values, salted: what the chain keeps of them once erased."""
    return hexdigest(algorithm, _json({"salt": salt, **{name: values[name] for name in PERSONAL_VALUES}}))


def _now_to_the_millisecond():
    # Databases differ in sub-millisecond precision; hash only what every one of them keeps.
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


class UndeclaredAuditEvent(ValueError):
    """An audit event name no module's manifest declares (Manifest.audit_events)."""


def is_reveal(action: str) -> bool:
    """Events that show a person the full value of someone's personal data (e.g. "market.report.reveal")."""
    return "reveal" in action.rsplit(".", 1)[-1] and not action.startswith("core.security.")


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
    personal: dict | None = None,
) -> AuditEntry:
    """Append one entry. Must run inside the transaction of the write it describes; `actor` is a
    person or SYSTEM, `action` an event its module declares in the manifest's `audit_events`.
    `personal` holds details that name a person (a failed sign-in's username): kept, like the actor's
    name and IP, only for their retention period, then erased without breaking the chain."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must run inside the write's transaction")
    check_actor(actor)
    if action not in registry.audit_events:
        raise UndeclaredAuditEvent(f"{action!r} is not declared in any module's Manifest.audit_events.")
    fields = {
        "actor_id": None if actor is SYSTEM else actor.pk,
        "actor_label": str(actor)[:150],
        "action": action,
        "object_type": object_type or (obj._meta.label if obj is not None else ""),
        "object_id": str(object_id or (obj.pk if obj is not None else "")),
        "object_repr": (object_repr or (audit_repr(obj) if obj is not None else ""))[:200],
        "jurisdiction": jurisdiction,
        "ip": origin.get(),
        "data": plain_json(data),
        "personal_data": plain_json(personal),
    }
    moves = _moves(action)
    entry = _append_in_one_statement(moves, fields)
    if entry is None:
        head, seq = _take_head()
        entry = _append(head, seq, moves=moves, **fields)
    if is_reveal(action) and entry.actor_id is not None:
        from yrd.core.audit.security import watch_reveals

        watch_reveals(entry, actor)
    return entry


def _moves(action: str) -> tuple[str, bool] | None:
    """(module, whether the public sees the change) of the data an event changes; None for an event
    that only records (a sign-in, a reveal, an export)."""
    if action.startswith("core.security.") or is_reveal(action) or action in RECORD_ONLY:
        return None
    return action.partition(".")[0], action not in registry.private_events


def _entry_values(seq, prev_hash: str, fields: dict, algorithm: str) -> tuple[dict, str]:
    """(the entry's chained values with its personal digest, the digest's salt)."""
    values = {"seq": seq, "at": _now_to_the_millisecond(), **fields, "prev_hash": prev_hash}
    salt = secrets.token_hex(16)
    values["personal_digest"] = personal_digest(values, salt, algorithm)
    return values, salt


def _entry_fields(leave_out=()) -> list:
    return [f for f in AuditEntry._meta.concrete_fields if not f.primary_key and f.attname not in leave_out]


def _append(head: AuditHead, seq: int | None = None, moves=None, **fields) -> AuditEntry:
    algorithm = current_suite().hash
    values, salt = _entry_values(seq or _next_seq(), head.hash, fields, algorithm)
    values["hash"] = entry_hash(values, algorithm, AuditEntry.FORMAT_PERSONAL_DIGEST)
    entry = AuditEntry(
        chain=head.chain,
        hash_alg=algorithm,
        format=AuditEntry.FORMAT_PERSONAL_DIGEST,
        personal_salt=salt,
        **values,
    )
    if connection.vendor == "postgresql":
        _insert_and_move_head(entry, head, moves)
    else:
        entry.save(force_insert=True)
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
        if moves is not None:
            with connection.cursor() as cursor:
                cursor.execute(MOVE_VERSION, _version_params(entry, moves))
    return entry


# The module's version in this chain becomes the entry's number (and its public version too, when the
# public sees the change). Only the transaction holding the chain's head writes the chain's rows.
VERSION_INSERT = f"INSERT INTO {DataVersion._meta.db_table} (module, chain, version, public_version)"
VERSION_CONFLICT = f"""
ON CONFLICT (module, chain) DO UPDATE SET version = excluded.version,
public_version = CASE WHEN excluded.public_version > 0 THEN excluded.public_version
ELSE {DataVersion._meta.db_table}.public_version END
"""
MOVE_VERSION = f"{VERSION_INSERT} VALUES (%s, %s, %s, %s) {VERSION_CONFLICT}"


def _version_params(entry: AuditEntry, moves: tuple[str, bool]) -> list:
    module, public = moves
    return [module, entry.chain, entry.seq, entry.seq if public else 0]


def _insert_and_move_head(entry: AuditEntry, head: AuditHead, moves=None) -> None:
    """The entry, its chain's new head and the module's version in one round trip (every audited
    write pays for this)."""
    fields = _entry_fields()
    quote = connection.ops.quote_name
    sql = (
        f"WITH entry AS (INSERT INTO {quote(AuditEntry._meta.db_table)} ({', '.join(quote(f.column) for f in fields)})"
        f" VALUES ({', '.join(['%s'] * len(fields))}) RETURNING id),"
        f" moved AS (UPDATE {quote(AuditHead._meta.db_table)} SET seq = %s, hash = %s WHERE id = %s)"
        + (f", version AS ({MOVE_VERSION})" if moves is not None else "")
        + " SELECT id FROM entry"
    )
    params = [field.get_db_prep_save(getattr(entry, field.attname), connection) for field in fields]
    params += [entry.seq, entry.hash, head.pk]
    if moves is not None:
        params += _version_params(entry, moves)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        entry.pk = cursor.fetchone()[0]
    entry._state.adding, entry._state.db = False, connection.alias
    head.seq, head.hash = entry.seq, entry.hash


# --- PostgreSQL with SHA-256: the whole append in one statement ---------------------------------------
#
# An audited write used to be two round trips for the entry (lock a free head and number the entry;
# insert it and move the head), and on a busy 2-core server every round trip is paid again in context
# switches. The entry's hash covers its chain's previous hash and its number, which only the database
# knows once it holds the head; but in the canonical JSON (sorted keys) `prev_hash`, `seq` and `v` are
# always the last three keys, so Python hashes nothing and sends the JSON before them, and PostgreSQL's
# sha256() completes it. verify_chain recomputes every hash in Python, as for any other entry.

PREV_SLOT, SEQ_SLOT = "?" * 64, -1  # stand-ins while the JSON is built: only the tail holds them
ENTRY_COLUMNS = ("chain", "seq", "prev_hash", "hash")


@lru_cache(maxsize=2)
def _one_statement_sql(moves: bool) -> tuple[str, list]:
    """(the statement, the entry fields whose values Python sends): built once per process."""
    fields = _entry_fields(leave_out=ENTRY_COLUMNS)
    quote = connection.ops.quote_name  # PostgreSQL's: only PostgreSQL runs this statement
    columns = ", ".join(quote(f.column) for f in fields) + ", " + ", ".join(ENTRY_COLUMNS)
    fmt = AuditEntry.FORMAT_PERSONAL_DIGEST
    version = (
        f", version AS ({VERSION_INSERT} SELECT %s, chain, seq, CASE WHEN %s THEN seq ELSE 0 END FROM hashed"
        f" {VERSION_CONFLICT})"
        if moves
        else ""
    )
    return (
        f"""
WITH head AS (
    SELECT id, chain, hash FROM {AuditHead._meta.db_table} WHERE chain < %s
    ORDER BY chain = %s DESC, chain FOR UPDATE SKIP LOCKED LIMIT 1
), numbered AS (
    SELECT id AS head_id, chain, hash AS prev_hash, nextval('{SEQUENCE}') AS seq FROM head
), hashed AS (
    SELECT *, encode(sha256(convert_to(%s::text || prev_hash || '","seq":' || seq || ',"v":{fmt}}}', 'UTF8')), 'hex')
        AS hash FROM numbered
), entry AS (
    INSERT INTO {AuditEntry._meta.db_table} ({columns})
    SELECT {", ".join(["%s"] * len(fields))}, chain, seq, prev_hash, hash FROM hashed RETURNING id
), moved AS (
    UPDATE {AuditHead._meta.db_table} SET seq = hashed.seq, hash = hashed.hash FROM hashed
    WHERE {AuditHead._meta.db_table}.id = hashed.head_id
){version}
SELECT entry.id, hashed.chain, hashed.seq, hashed.prev_hash, hashed.hash FROM entry, hashed
""",
        fields,
    )


def _append_in_one_statement(moves, fields: dict) -> AuditEntry | None:
    """The entry appended to a free chain in one statement, or None when that is not possible here
    (not PostgreSQL, a suite other than SHA-256, no free head yet): the caller then takes the head first."""
    if connection.vendor != "postgresql" or current_suite().hash != "sha256":
        return None
    fmt = AuditEntry.FORMAT_PERSONAL_DIGEST
    values, salt = _entry_values(SEQ_SLOT, PREV_SLOT, fields, "sha256")
    text = canonical(values, fmt).decode()
    tail = f'"prev_hash":"{PREV_SLOT}","seq":{SEQ_SLOT},"v":{fmt}}}'
    if not text.endswith(tail):
        raise RuntimeError("The canonical JSON of an audit entry no longer ends with prev_hash, seq and v.")
    sql, columns = _one_statement_sql(moves is not None)
    entry = AuditEntry(hash_alg="sha256", format=fmt, personal_salt=salt, **values)
    params = [max(1, settings.AUDIT_CHAINS), getattr(connection, "yrd_audit_chain", 0)]
    params += [text[: -len(tail)] + '"prev_hash":"']
    params += [field.get_db_prep_save(getattr(entry, field.attname), connection) for field in columns]
    if moves is not None:
        params += list(moves)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    entry.pk, entry.chain, entry.seq, entry.prev_hash, entry.hash = row
    entry._state.adding, entry._state.db = False, connection.alias
    connection.yrd_audit_chain = entry.chain
    return entry


def _next_seq() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{SEQUENCE}')")
            return cursor.fetchone()[0]
    # Elsewhere (SQLite) writers take turns for the whole transaction: one past the largest is free.
    return (AuditEntry.objects.aggregate(last=Max("seq"))["last"] or 0) + 1


def _take_head() -> tuple[AuditHead, int | None]:
    """Lock the head of a chain for this transaction: a free one (this connection's last first), else
    a chain not opened yet, else wait for a busy one. A transaction that already holds a head gets
    that one back (its own lock does not make it skip it). On PostgreSQL the entry's sequence
    number comes with a free head, in the same round trip."""
    chains = max(1, settings.AUDIT_CHAINS)
    preferred = getattr(connection, "yrd_audit_chain", 0)
    for _ in range(5):  # a head can vanish between two reads only by tampering; try a few times
        head, seq = _free_head(chains, preferred)
        head = head or _open_chain(chains) or _wait_for_chain(chains)
        if head is not None:
            connection.yrd_audit_chain = head.chain
            return head, seq
    raise RuntimeError("No audit chain head could be locked; run `manage.py audit_verify`.")


FREE_HEAD_POSTGRESQL = f"""
WITH head AS (
    SELECT id, chain, seq, hash FROM core_audithead WHERE chain < %s
    ORDER BY chain = %s DESC, chain FOR UPDATE SKIP LOCKED LIMIT 1
)
SELECT id, chain, seq, hash, nextval('{SEQUENCE}') FROM head
"""


def _free_head(chains: int, preferred: int) -> tuple[AuditHead | None, int | None]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(FREE_HEAD_POSTGRESQL, [chains, preferred])
            row = cursor.fetchone()
        if row is None:
            return None, None
        head = AuditHead(id=row[0], chain=row[1], seq=row[2], hash=row[3])
        head._state.adding, head._state.db = False, connection.alias
        return head, row[4]
    free = (
        AuditHead.objects.filter(chain__lt=chains)
        .select_for_update(skip_locked=True)
        .order_by(Case(When(chain=preferred, then=Value(0)), default=Value(1)), "chain")
    )
    return free.first(), None


def _open_chain(chains: int) -> AuditHead | None:
    """Create the head of a chain that has none: first one whose head row was deleted, which then
    continues from its last entry (and says so in the log) instead of restarting; else a new chain."""
    existing = set(AuditHead.objects.values_list("chain", flat=True))
    missing = [chain for chain in range(chains) if chain not in existing]
    headless = [chain for chain in missing if AuditEntry.objects.filter(chain=chain).exists()]
    # New chains in random order: writers opening chains at the same moment seldom queue on one row.
    for chain in headless + random.sample(missing, len(missing)):
        last = AuditEntry.objects.filter(chain=chain).order_by("-seq").first()
        try:
            with transaction.atomic():
                head = AuditHead.objects.create(
                    chain=chain, seq=last.seq if last else 0, hash=last.hash if last else GENESIS
                )
        except IntegrityError:  # another writer opened it a moment ago
            continue
        if last is not None:
            _record_restored_head(head, last)
        return head
    return None


def _record_restored_head(head: AuditHead, last: AuditEntry) -> None:
    from yrd.core.audit.security import announce

    log.error("Audit chain %s had no head row; continued from its last entry #%s.", head.chain, last.seq)
    entry = _append(
        head,
        actor_id=None,
        actor_label=str(SYSTEM),
        action=HEAD_RESTORED,
        object_type="core.AuditHead",
        object_id=str(head.chain),
        object_repr=f"chain {head.chain}",
        jurisdiction="",
        ip=origin.get(),
        data={"chain": head.chain, "continued_after": last.seq},
        personal_data={},
    )
    announce(entry)


def _wait_for_chain(chains: int) -> AuditHead | None:
    existing = list(AuditHead.objects.filter(chain__lt=chains).values_list("chain", flat=True))
    if not existing:
        return None
    return AuditHead.objects.select_for_update().filter(chain=random.choice(existing)).first()


def data_version(modules=None, *, public=False) -> int:
    """A number that grows with every committed audited write changing the data of `modules` (every
    module when None), for caches; with public=True, only with those that change what the public
    sees. A sum of sequence numbers, each only ever growing, so it never returns to a past value."""
    # Plain SQL: every cached read asks this first, and the ORM took longer to build the query than
    # the database to answer it.
    column = "public_version" if public else "version"
    sql = f"SELECT COALESCE(SUM({column}), 0) FROM {DataVersion._meta.db_table}"
    params = [] if modules is None else list(modules)
    if modules is not None:
        if not params:
            return 0
        sql += f" WHERE module IN ({', '.join(['%s'] * len(params))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])
