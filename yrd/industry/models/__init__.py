from .chain import (
    BomLine,
    Capacity,
    Component,
    Contact,
    Enterprise,
    Need,
    Scenario,
    SupplyRelation,
    Tier,
    relation_scopes,
)
from .datacentres import DataCentre, PueReading
from .metro import CooperationProject, IndustryIndicator, MetroArea

__all__ = [
    "BomLine",
    "Capacity",
    "Component",
    "Contact",
    "CooperationProject",
    "DataCentre",
    "Enterprise",
    "IndustryIndicator",
    "MetroArea",
    "Need",
    "PueReading",
    "Scenario",
    "SupplyRelation",
    "Tier",
    "relation_scopes",
]
