"""Real reference data of the industry module: the component taxonomy, the six metropolitan areas
with their member cities, and the national targets of the hub clusters (data/, sources in
data/SOURCES.md). Idempotent. Needs the core's jurisdictions."""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.industry.models import MetroArea
from yrd.industry.writes import component_save

DATA = Path(__file__).resolve().parent / "data"

# Provincial average grid emission factors, 2022, tCO2/MWh (MEE & NBS, published 2024; SOURCES.md).
GRID_FACTORS_2022 = {"310000": 0.5849, "320000": 0.5978, "330000": 0.5153, "340000": 0.6782}


def read_csv(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def targets() -> dict[str, tuple[Decimal, str, str]]:
    return {row["code"]: (Decimal(row["value"]), row["unit"], row["source"]) for row in read_csv("targets.csv")}


def _parts(text: str) -> dict:
    return {part: Decimal(quantity) for part, quantity in (item.split(":") for item in text.split(";") if item)}


@transaction.atomic
def load_reference() -> dict:
    rows = read_csv("components.csv")
    # Parts before the products that use them: leaves first, then repeat until every row is in.
    pending, saved = list(rows), set()
    while pending:
        ready = [r for r in pending if set(_parts(r["parts"])) <= saved]
        if not ready:
            raise ValueError("components.csv: the bill of materials has a cycle or an unknown part")
        for row in ready:
            component_save(
                acting_user=SYSTEM,
                code=row["code"],
                name_zh=row["name_zh"],
                name_en=row["name_en"],
                tier=row["tier"],
                unit=row["unit"],
                parts=_parts(row["parts"]),
            )
            saved.add(row["code"])
        pending = [r for r in pending if r["code"] not in saved]
    cities = {j.code: j for j in Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY)}
    for row in read_csv("metro_areas.csv"):
        area, _created = MetroArea.objects.update_or_create(
            code=row["code"], defaults={"name_zh": row["name_zh"], "name_en": row["name_en"], "source": row["source"]}
        )
        area.cities.set([cities[code] for code in row["cities"].split(";")])
    audit_record(
        actor=SYSTEM,
        action="industry.reference.load",
        data={"components": len(rows), "metro_areas": MetroArea.objects.count()},
    )
    return {"components": len(rows), "metropolitan areas": MetroArea.objects.count()}
