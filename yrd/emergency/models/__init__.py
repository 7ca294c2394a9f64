from .allocation import (
    AllocationLine,
    AllocationRun,
    AllocationShortfall,
    Commitment,
    CommitmentLine,
    CommitmentPick,
)
from .catalogue import Category, Item, Unit
from .drills import Drill
from .members import Member, Warehouse
from .requests import Incident, Priority, RequestLine, SupplyRequest
from .stock import Lot, Movement, StockTransaction

__all__ = [
    "AllocationLine",
    "AllocationRun",
    "AllocationShortfall",
    "Category",
    "Commitment",
    "CommitmentLine",
    "CommitmentPick",
    "Drill",
    "Incident",
    "Item",
    "Lot",
    "Member",
    "Movement",
    "Priority",
    "RequestLine",
    "StockTransaction",
    "SupplyRequest",
    "Unit",
    "Warehouse",
]
