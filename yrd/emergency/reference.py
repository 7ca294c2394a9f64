"""Real reference data of the emergency module: the one need per person a published standard gives
for an item every alliance stocks (drinking water, Sphere Handbook). The cities and their populations
are the core's (yrd/core/data/cities.csv; the same rows in this module's data/cities.csv)."""

from decimal import Decimal

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.emergency.writes import item_save

SPHERE_WATER = (
    "Sphere Handbook (2018), water supply standard 1: survival needs 2.5-3 litres per person per day "
    "(drinking and food); spherehandbook.org"
)


@transaction.atomic
def load_reference():
    water = item_save(
        acting_user=SYSTEM,
        code="drinking-water",
        name_zh="饮用水",
        name_en="Drinking water",
        category="water",
        kind="consumable",
        unit="litre",
        expires=True,
        core=True,
        per_person_per_day=Decimal("3"),
        norm_source=SPHERE_WATER,
    )
    audit_record(actor=SYSTEM, action="emergency.reference.load", obj=water, data={"items": ["drinking-water"]})
    return {"items with a sourced need per person": 1}
