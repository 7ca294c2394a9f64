"""Every write of the transport app: permission-checked, validated, in one transaction, audited."""

from .carriers import carrier_token_create, carrier_token_revoke
from .imports import network_import
from .planning import route_plan
from .shipments import leg_event_record, shipment_book, shipment_plan_and_book

__all__ = [
    "carrier_token_create",
    "carrier_token_revoke",
    "leg_event_record",
    "network_import",
    "route_plan",
    "shipment_book",
    "shipment_plan_and_book",
]
