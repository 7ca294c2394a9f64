"""Real reference data of the services app: the published figures about the region's
cross-province services (data/services.csv, sources in data/SOURCES.md), and a catalogue item for
each row that names an individual service. Only names, categories and sources come from there;
modes, time limits, fees, materials and authorities are not in the public record and are left to
administrators (or to the demo loader, marked demo). Loading again updates in place and never
touches what an administrator entered."""

import csv
from pathlib import Path

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.services.models import MaterialType, ServiceFigure, ServiceItem

SERVICES_CSV = Path(__file__).parent / "data" / "services.csv"

# Rows of services.csv that name one service an applicant can ask for -> (item code, audience).
# The others are platform-wide counts, e-licence showings and local cooperation lists.
CATALOGUE_ROWS = {
    "SV08": ("resident-id-first", ServiceItem.Audience.INDIVIDUAL),
    "SV09": ("medical-insurance-transfer", ServiceItem.Audience.INDIVIDUAL),
    "SV10": ("provident-fund-loan-certificate", ServiceItem.Audience.INDIVIDUAL),
    "SV11": ("provident-fund-home-purchase", ServiceItem.Audience.INDIVIDUAL),
    "SV12": ("provident-fund-retirement", ServiceItem.Audience.INDIVIDUAL),
    "SV13": ("hukou-transfer", ServiceItem.Audience.INDIVIDUAL),
    "SV15": ("marriage-archive-query", ServiceItem.Audience.INDIVIDUAL),
    "SV16": ("company-change-registration", ServiceItem.Audience.ENTERPRISE),
}
DECISION_TYPE = {"code": "decision", "name_zh": "决定文书", "name_en": "Decision document"}


def read_rows(path=SERVICES_CSV):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _figure(row):
    figure, _ = ServiceFigure.objects.update_or_create(
        service_id=row["service_id"],
        defaults={
            "name_zh": row["service_name_zh"],
            "name_en": row["service_name_en"],
            "category": row["category"],
            "metric": row["metric"],
            "value": row["value"],
            "unit": row["unit"],
            "as_of": row["as_of"],
            "source": row["source"],
            "notes": row["notes"],
        },
    )
    figure.full_clean()
    return figure


def _item(figure, code, audience):
    item, created = ServiceItem.objects.get_or_create(
        code=code,
        defaults={"name_zh": figure.name_zh, "name_en": figure.name_en, "audience": audience},
    )
    item.name_zh, item.name_en, item.category = figure.name_zh, figure.name_en, figure.category
    item.source, item.figure = f"{figure.service_id}: {figure.source}", figure
    item.full_clean()
    item.save()
    return created


@transaction.atomic
def load_reference():
    rows = read_rows()
    MaterialType.objects.get_or_create(code=DECISION_TYPE["code"], defaults=DECISION_TYPE)
    new_items = 0
    for row in rows:
        figure = _figure(row)
        if row["service_id"] in CATALOGUE_ROWS:
            new_items += _item(figure, *CATALOGUE_ROWS[row["service_id"]])
    summary = {
        "published figures": len(rows),
        "catalogue items": len(CATALOGUE_ROWS),
        "new items": new_items,
    }
    audit_record(
        actor=SYSTEM,
        action="services.reference.load",
        object_type="services.ServiceItem",
        object_repr="services reference data",
        data=summary,
    )
    return summary
