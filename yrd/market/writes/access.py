"""Importing the market-access negative list: the whole file or nothing; the file is the list (it replaces the
one before), so a measure dropped from the list is dropped here too."""

from django.core.exceptions import ValidationError

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.tables import TableError
from yrd.market.access_list import COLUMNS, read_rows, row_problems
from yrd.market.apps import ACCESS_MANAGE
from yrd.market.models import AccessMeasure


@write
def access_list_import(*, acting_user, name: str, content: bytes, is_demo: bool = False) -> int:
    require(acting_user, ACCESS_MANAGE)
    try:
        numbered, problems = read_rows(content)
    except TableError as error:
        raise ValidationError({"file": [str(error)]}) from None
    problems += row_problems(numbered)
    if problems:
        raise ValidationError({"file": problems})
    rows = [row for _number, row in numbered]
    AccessMeasure.objects.all().delete()
    AccessMeasure.objects.bulk_create(AccessMeasure(**{c: row[c] for c in COLUMNS}, is_demo=is_demo) for row in rows)
    audit_record(
        actor=acting_user,
        action="market.access.import",
        object_type="market.AccessMeasure",
        object_id=name[:100],
        data={"entries": len(rows), "areas": sorted({row["area_adcode"] for row in rows if row["area_adcode"]})},
    )
    return len(rows)
