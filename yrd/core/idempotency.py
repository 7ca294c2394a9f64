"""Writes a client may retry carry an idempotency key (the API's `Idempotency-Key` header, a random
key in each rendered form). Inside the write's transaction:

    earlier = idempotency.claim(acting_user=..., operation="services.application.submit",
                                key=key, request=validated_input_as_dict)
    if earlier is not None:
        return Application.objects.get(pk=earlier)      # a retry: write nothing
    ... write ...
    idempotency.fulfil(acting_user=..., operation=..., key=key, result_id=application.pk)

Keys are per sender: two people's equal keys never meet. The same key with a different request is
refused (409), so a client bug cannot silently return someone else's or an older result. Two
concurrent requests with one key: the second waits on the first's row and then replays its result.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from yrd.core.actors import SYSTEM, check_actor
from yrd.core.errors import Conflict
from yrd.core.models import IdempotencyKey

MAX_KEY_LENGTH = 80


def fingerprint(request: dict) -> str:
    canonical = json.dumps(request, sort_keys=True, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _actor_key(actor) -> str:
    check_actor(actor)
    if actor is SYSTEM:
        return "system"
    return f"user:{actor.pk}" if getattr(actor, "is_authenticated", False) else "anonymous"


def _replay(record: IdempotencyKey, digest: str) -> str:
    if record.fingerprint != digest:
        raise Conflict(
            _("This idempotency key was already used for a different request; use a new key for a new request."),
            code="idempotency_key_reused",
        )
    if not record.result_id:
        raise Conflict(_("A request with this idempotency key is still being processed."), code="in_progress")
    return record.result_id


def claim(*, acting_user, operation: str, key: str | None, request: dict) -> str | None:
    """The result id of an earlier request with this key, or None after reserving the key for this
    one. Must run inside the write's transaction. No key: nothing is reserved."""
    if not connection_in_transaction():
        raise RuntimeError("idempotency.claim must run inside the write's transaction")
    if not key:
        return None
    if len(key) > MAX_KEY_LENGTH:
        raise ValidationError(
            {"idempotency_key": [_("An idempotency key has at most %d characters.") % MAX_KEY_LENGTH]}
        )
    digest, sender = fingerprint(request), _actor_key(acting_user)
    lookup = {"operation": operation, "actor_key": sender, "key": key}
    record = IdempotencyKey.objects.filter(**lookup).first()
    if record is not None:
        return _replay(record, digest)
    try:
        with transaction.atomic():
            IdempotencyKey.objects.create(**lookup, fingerprint=digest)
    except IntegrityError:  # a concurrent request with the same key committed first
        return _replay(IdempotencyKey.objects.get(**lookup), digest)
    return None


def fulfil(*, acting_user, operation: str, key: str | None, result_id) -> None:
    """Record what the request created, so a retry returns it."""
    if key:
        IdempotencyKey.objects.filter(operation=operation, actor_key=_actor_key(acting_user), key=key).update(
            result_id=str(result_id)
        )


def connection_in_transaction() -> bool:
    return transaction.get_connection().in_atomic_block
