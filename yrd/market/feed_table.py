"""A province feed as a table (CSV or XLSX, the content decides): one report per row, the same fields as the JSON
feed. The whole file or nothing: every cell's and every record's problem is listed by row and column; rows whose
id the feed already sent are left as they are, so sending the file again changes nothing."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.tables import Column, RowError, TableError, check_header, parse_row, read_table, text, unnamed_cells
from yrd.core.tables.cells import CellError, describe
from yrd.core.tables.importing import ImportResult
from yrd.market.writes.reports import LIMITS, ReportInput, feed_import

KIND = "feed"


def parse_moment(value):
    """An ISO 8601 date and time (2026-03-01T09:30:00+08:00; without an offset: China time), or a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise CellError(
                _("%(value)s is not a date and time; write it as 2026-03-01T09:30:00+08:00.")
                % {"value": describe(value)}
            ) from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _text(name: str, required: bool, help_text) -> Column:
    return Column(name, text(LIMITS.get(name, 30), multiline=name == "description"), required, help_text)


COLUMNS = (
    _text("external_id", True, gettext_lazy("The record's id in the sending system")),
    _text("subject_name", True, gettext_lazy("Enterprise name as reported")),
    _text("subject_uscc", False, gettext_lazy("USCC if known (a mistyped one is kept and flagged)")),
    _text("subject_address", False, gettext_lazy("Enterprise address")),
    _text("subject_phone", False, gettext_lazy("Enterprise phone")),
    _text("category", True, gettext_lazy("Category code, e.g. false_advertising")),
    _text("incident_city", True, gettext_lazy("Adcode of the city where it happened")),
    Column("occurred_at", parse_moment, False, gettext_lazy("When it happened (ISO 8601)")),
    _text("place", False, gettext_lazy("Where it happened")),
    _text("description", True, gettext_lazy("What happened")),
    _text("reporter_name", False, gettext_lazy("Reporter's name")),
    _text("reporter_phone", False, gettext_lazy("Reporter's phone")),
    _text("reporter_email", False, gettext_lazy("Reporter's e-mail")),
)
NAMES = [c.name for c in COLUMNS]


def _records(data: bytes, result: ImportResult) -> list[tuple[int, ReportInput]]:
    try:
        table = read_table(data)
    except TableError as error:
        result.errors.append(RowError(None, "", str(error)))
        return []
    positions, header_errors = check_header(table.header, COLUMNS, table.header_row)
    result.errors.extend(header_errors)
    result.rows = len(table.rows)
    if not table.rows:
        result.errors.append(RowError(None, "", _("The file has a header but no rows to import.")))
    if header_errors:
        return []
    records = []
    for number, cells in table.rows:
        values, errors = parse_row(COLUMNS, positions, number, cells)
        result.errors.extend(errors + unnamed_cells(table.header, number, cells))
        records.append((number, ReportInput(**values)))
    return records


class _DryRun(Exception):
    pass


def import_feed_table(*, acting_user, source: str, data: bytes, dry_run: bool = False) -> ImportResult:
    """Read, check and (unless a dry run or any problem) take in the feed; `created` counts the new reports,
    `unchanged` the rows the feed had sent before."""
    result = ImportResult(KIND, dry_run=dry_run)
    records = _records(data, result)
    if result.errors:
        return _sorted(result)
    numbers = [number for number, _record in records]
    try:
        with transaction.atomic():
            created = feed_import(acting_user=acting_user, source=source, records=[r for _n, r in records])
            result.created, result.unchanged = len(created), len(records) - len(created)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except ValidationError as error:
        result.errors.extend(_row_errors(error, numbers))
    except PermissionDenied as error:
        result.errors.append(RowError(None, "", str(error) or _("You may not send this feed.")))
    if result.errors:
        result.created = result.unchanged = 0
    return _sorted(result)


def _row_errors(error: ValidationError, numbers: list[int]) -> list[RowError]:
    """feed_import names a record's problem `records[i].field`: that is row numbers[i], column field."""
    found = []
    for key, messages in error.message_dict.items():
        row, column = None, key
        if key.startswith("records[") and "]." in key:
            index, column = key[len("records[") :].split("].", 1)
            row = numbers[int(index)]
        found.extend(RowError(row, column, message) for message in messages)
    return found


def _sorted(result: ImportResult) -> ImportResult:
    result.errors.sort(key=lambda e: (e.row or 0, NAMES.index(e.column) if e.column in NAMES else len(NAMES)))
    return result
