"""Every write of the industry module: permission-checked, validated at once, in one transaction, audited."""

from .chain import RelationInput, capacity_set, component_save, enterprise_register, relation_review, relation_save
from .matching import contact_outcome, contact_record, need_post
from .places import CentreInput, cooperation_save, datacentre_save, indicator_set, indicators_save, pue_record
from .scenarios import scenario_save

__all__ = [
    "capacity_set",
    "component_save",
    "contact_outcome",
    "contact_record",
    "cooperation_save",
    "datacentre_save",
    "enterprise_register",
    "indicator_set",
    "indicators_save",
    "need_post",
    "pue_record",
    "relation_review",
    "relation_save",
    "scenario_save",
]
INPUTS = [CentreInput, RelationInput]
