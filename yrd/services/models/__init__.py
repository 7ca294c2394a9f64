from .applications import Application, Correction, ExchangeRecord, HandlingStep, Material, State
from .catalogue import (
    CompetentAuthority,
    MaterialType,
    Mode,
    RequiredMaterial,
    ServiceFigure,
    ServiceItem,
)
from .identities import AccountIdentity
from .remote import RemoteBooking, RemoteSession, RemoteSlot

__all__ = [
    "AccountIdentity",
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
