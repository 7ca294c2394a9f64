from .network import Hub, HubKind, HubKindParameter, Link, Mode, ModeParameter, NetworkSetting
from .plans import RouteQuery
from .shipments import CarrierToken, EventKind, LegEvent, Shipment, ShipmentLeg

__all__ = [
    "CarrierToken",
    "EventKind",
    "Hub",
    "HubKind",
    "HubKindParameter",
    "LegEvent",
    "Link",
    "Mode",
    "ModeParameter",
    "NetworkSetting",
    "RouteQuery",
    "Shipment",
    "ShipmentLeg",
]
