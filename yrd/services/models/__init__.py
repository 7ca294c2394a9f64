from .applications import Application, Correction, ExchangeRecord, HandlingStep, Material, State
from .catalogue import (
    CompetentAuthority,
    MaterialType,
    Mode,
    RequiredMaterial,
    ServiceFigure,
    ServiceItem,
)
from .remote import RemoteBooking, RemoteSession, RemoteSlot

__all__ = [
    "Application",
    "CompetentAuthority",
    "Correction",
    "ExchangeRecord",
    "HandlingStep",
    "Material",
    "MaterialType",
    "Mode",
    "RemoteBooking",
    "RemoteSession",
    "RemoteSlot",
    "RequiredMaterial",
    "ServiceFigure",
    "ServiceItem",
    "State",
]
