"""Carrier API tokens: created and revoked by the carrier's own dispatchers."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.transport.apps import CARRY
from yrd.transport.models import CarrierToken
from yrd.transport.models.shipments import hash_carrier_key


@write
def carrier_token_create(*, acting_user, carrier, name: str) -> tuple[CarrierToken, str]:
    """Returns (token, key). The key is shown once; only its hash is stored."""
    require(acting_user, CARRY, carrier)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError({"name": [_("Give the token a name of 1 to 100 characters.")]})
    key = CarrierToken.new_key()
    token = CarrierToken.objects.create(
        carrier=carrier, name=name, key_hash=hash_carrier_key(key), created_by=person(acting_user)
    )
    audit_record(
        actor=acting_user,
        action="transport.carrier_token.create",
        obj=token,
        jurisdiction=carrier.jurisdiction.code,
        data={"carrier": carrier.pk, "name": name},
    )
    return token, key


@write
def carrier_token_revoke(*, acting_user, token: CarrierToken) -> CarrierToken:
    require(acting_user, CARRY, token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=acting_user, action="transport.carrier_token.revoke", obj=token)
    return token
