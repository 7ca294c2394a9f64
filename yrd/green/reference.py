"""Real reference data of the green module: the published emission factors, each with its
publication (data/publications.csv, data/emission_factors.csv; sources in data/SOURCES.md).
Idempotent: a factor already in the catalogue is left as it is."""

from decimal import Decimal

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.green.accounting.factors import DATA, read_csv
from yrd.green.models import EmissionFactor
from yrd.green.writes import PublicationInput, factor_add, publication_ensure


@transaction.atomic
def load_reference() -> dict:
    acting_user = SYSTEM
    publications = {
        row["id"]: publication_ensure(acting_user=acting_user, data=PublicationInput(code=row.pop("id"), **row))
        for row in read_csv(DATA / "publications.csv")
    }
    added = 0
    for row in read_csv(DATA / "emission_factors.csv"):
        if EmissionFactor.objects.filter(code=row["id"]).exists():
            continue
        factor_add(
            acting_user=acting_user,
            publication=publications[row["publication_id"]],
            code=row["id"],
            quantity=row["quantity"],
            region=row["region"],
            data_year=int(row["data_year"]),
            value=Decimal(row["value"]),
            unit=row["unit"],
            table=row["table"],
        )
        added += 1
    audit_record(actor=acting_user, action="green.reference.load", data={"factors_added": added})
    return {"factors added": added}
