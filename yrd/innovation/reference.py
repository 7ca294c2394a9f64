"""Real reference data of the innovation module: the China International Import Expo's recent
editions (sources in data/SOURCES.md), written by SYSTEM and idempotent."""

import csv
from datetime import date
from pathlib import Path

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.innovation import writes
from yrd.innovation.models import Exhibition

DATA = Path(__file__).resolve().parent / "data"


def read_exhibitions() -> list[dict]:
    with (DATA / "exhibitions.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_reference() -> dict[str, int]:
    added = 0
    for row in read_exhibitions():
        if Exhibition.objects.filter(name_zh=row["name_zh"]).exists():
            continue
        writes.exhibition_save(
            acting_user=SYSTEM,
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            city=Jurisdiction.objects.get(level="city", code=row["city"]),
            starts_on=date.fromisoformat(row["starts_on"]),
            ends_on=date.fromisoformat(row["ends_on"]),
        )
        added += 1
    summary = {"exhibitions": added}
    audit_record(actor=SYSTEM, action="innovation.reference.load", data=summary)
    return summary
