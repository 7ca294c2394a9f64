"""Import of a site's periods from CSV or XLSX: all or nothing, every problem named by row.

Columns: year, month (blank for the whole year), kind, quantity, unit. Besides the energy kinds,
`output` (in the site's unit of output) and `value_added` (CNY or 10^4 CNY) set a period's
denominators. Rows of one period are checked together by the same rules as the form; a period
already submitted or reviewed is refused; if any row is wrong nothing is written."""

import csv
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.green.accounting import AccountingError, convert
from yrd.green.apps import REPORT
from yrd.green.models import ReportingPeriod, Site
from yrd.green.models.sites import report_scope

from .periods import Entry, PeriodInput, problems_of, refuse_unless_editable, store

COLUMNS = ("year", "month", "kind", "quantity", "unit")
MAX_ROWS = 5000
MAX_BYTES = 2 * 2**20


def read_rows(content: bytes, filename: str) -> list[dict[str, str]]:
    if len(content) > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 2 MB.")})
    if filename.lower().endswith(".xlsx"):
        return xlsx_rows(content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"file": _("Save the CSV file as UTF-8.")}) from None
    try:
        reader = csv.DictReader(io.StringIO(text))
        return [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k} for row in reader]
    except csv.Error as error:
        raise ValidationError({"file": _("Not a readable CSV file: %(error)s") % {"error": error}}) from None


def xlsx_rows(content: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
    except Exception:  # openpyxl raises many types for a file that is not a workbook
        raise ValidationError({"file": _("This is not an XLSX workbook.")}) from None
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip().lower() for h in next(rows, [])]
    return [{h: "" if v is None else str(v).strip() for h, v in zip(header, row, strict=False)} for row in rows]


def parse(rows: list[dict[str, str]], errors: dict) -> dict[tuple, tuple[PeriodInput, list[int]]]:
    missing = [c for c in COLUMNS if rows and c not in rows[0]]
    if missing or not rows:
        raise ValidationError({"file": _("The file needs the columns: %s.") % ", ".join(COLUMNS)})
    if len(rows) > MAX_ROWS:
        raise ValidationError({"file": _("At most %d rows per file.") % MAX_ROWS})
    periods: dict[tuple, tuple[PeriodInput, list[int]]] = {}
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        try:
            year = int(row["year"])
            month = int(row["month"]) if row["month"] else None
            quantity = Decimal(row["quantity"].replace(",", ""))
        except (ValueError, InvalidOperation):
            errors[_("row %d") % number] = [_("year, month and quantity must be numbers.")]
            continue
        data, lines = periods.setdefault((year, month), (PeriodInput(year, month), []))
        kind = row["kind"]
        if kind == "output":
            data.output_quantity = quantity
        elif kind == "value_added":
            try:
                data.value_added = convert(quantity, row["unit"] or "10^4 CNY", "10^4 CNY")
            except AccountingError as error:
                errors[_("row %d") % number] = [m for ms in error.errors.values() for m in ms]
        else:
            data.entries.append(Entry(kind, quantity, row["unit"]))
            lines.append(number)
    return periods


def check_period(site: Site, data: PeriodInput, lines: list[int], errors: dict) -> None:
    try:
        problems_of(site, data)
    except AccountingError as error:
        for field, messages in error.errors.items():
            row = row_of(field, lines)
            errors.setdefault(row or _("period %s") % period_label(data), []).extend(messages)
    existing = ReportingPeriod.objects.filter(site=site, year=data.year, month=data.month).first()
    if existing and not existing.editable:
        errors.setdefault(_("period %s") % period_label(data), []).append(
            _("This period is %(state)s; its data can no longer be changed.")
            % {"state": existing.get_state_display().lower()}
        )


def row_of(field: str, lines: list[int]) -> str | None:
    if field.startswith("activities["):
        index = int(field[len("activities[") : field.index("]")])
        return _("row %d") % lines[index]
    return None


def period_label(data: PeriodInput) -> str:
    return str(data.year) if data.month is None else f"{data.year}-{data.month:02d}"


@write
def period_import(*, acting_user, site: Site, content: bytes, filename: str) -> list[ReportingPeriod]:
    require(acting_user, REPORT, report_scope(site))
    errors: dict[str, list[str]] = {}
    periods = parse(read_rows(content, filename), errors)
    for data, lines in periods.values():
        check_period(site, data, lines, errors)
    if errors:
        raise ValidationError(errors)
    saved = []
    for data, _lines in periods.values():
        period, _created = ReportingPeriod.objects.get_or_create(site=site, year=data.year, month=data.month)
        period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
        refuse_unless_editable(period)
        store(period, data, acting_user, is_demo=False)
        saved.append(period)
    audit_record(
        actor=acting_user,
        action="green.period.import",
        obj=site,
        jurisdiction=site.city.code,
        data={"file": filename[:100], "periods": [p.label for p in saved]},
    )
    return saved
