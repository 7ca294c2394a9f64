"""Read an uploaded XLSX or CSV file into a header and numbered rows; the content decides which."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .cells import blank, csv_unescape

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
# Spreadsheets often carry thousands of formatted but empty rows below the data; after this many
# blank rows in a row the data is taken to have ended.
BLANK_RUN_LIMIT = 1000

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


# Formats people upload by mistake (a PDF or a scan of the table); GB18030 decodes nearly any
# bytes, so these would otherwise be read as a CSV file with a nonsense header.
OTHER_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf", b"II*\x00", b"MM\x00*")
CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\x0b", "\x0c"}


def _not_a_table():
    return _("This is not an Excel (.xlsx) or CSV file.")


class TableError(Exception):
    """The file as a whole cannot be read; the message says why."""


@dataclass
class Table:
    header: list  # the header cells as written, "" for a blank one
    header_row: int  # the sheet row number of the header
    rows: list = field(default_factory=list)  # [(sheet row number, [cell values])]
    format: str = "csv"


def read_table(data: bytes, *, max_rows=MAX_ROWS) -> Table:
    if len(data) > MAX_BYTES:
        raise TableError(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(len(data) / 2**20, 1), "limit": MAX_BYTES // 2**20}
        )
    if not data.strip():
        raise TableError(_("The file is empty."))
    if data.startswith(b"PK"):
        if not _is_workbook(data):
            raise TableError(_not_a_table())
        lines = _xlsx_lines(data)
        table_format = "xlsx"
    elif data.lstrip().startswith(OTHER_MAGIC):
        raise TableError(_not_a_table())
    elif data.startswith(OLE2_MAGIC):
        raise TableError(_("This is an old Excel .xls file; save it as .xlsx or CSV and upload it again."))
    else:
        lines = _csv_lines(data)
        table_format = "csv"
    table = _numbered(lines, max_rows)
    table.format = table_format
    return table


def _numbered(lines, max_rows):
    """Lines are (row number, cells). The first non-blank one is the header; blank rows are skipped
    but keep their numbers, so every row is named as the spreadsheet shows it."""
    table, blank_run = None, 0
    for number, cells in lines:
        cells = list(cells)
        if all(blank(c) for c in cells):
            blank_run += 1
            if table is not None and blank_run > BLANK_RUN_LIMIT:
                break
            continue
        blank_run = 0
        if table is None:
            table = _header(number, cells)
            continue
        if len(table.rows) >= max_rows:
            raise TableError(
                _("The file has more than %(limit)s rows; split it into smaller files.") % {"limit": max_rows}
            )
        table.rows.append((number, cells + [None] * (len(table.header) - len(cells))))
    if table is None:
        raise TableError(_("The file has no header row."))
    return table


def _header(number, cells):
    while cells and blank(cells[-1]):
        cells.pop()
    if len(cells) > MAX_COLUMNS:
        raise TableError(
            _("The header has %(count)s columns; at most %(limit)s are expected.")
            % {"count": len(cells), "limit": MAX_COLUMNS}
        )
    header = ["" if blank(c) else str(c).strip().lstrip("\ufeff") for c in cells]
    return Table(header=header, header_row=number)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 as Chinese Excel writes it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise TableError(_not_a_table()) from None


def _csv_lines(data):
    text = decode_text(data)
    if "\x00" in text or CONTROL.intersection(text[:4096]):
        raise TableError(_not_a_table())
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        # A record is one spreadsheet row even when a quoted cell spans several lines.
        for number, cells in enumerate(reader, start=1):
            yield number, [csv_unescape(cell) for cell in cells]
    except csv.Error as error:
        raise TableError(
            _("The CSV file cannot be read (record %(row)s): %(reason)s") % {"row": reader.line_num, "reason": error}
        ) from None


def _is_workbook(data):
    """A ZIP file that is not a workbook (a .docx, an archive) is not an XLSX file; a damaged
    one is left to openpyxl, whose message says more."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return True
    return any(name.startswith("xl/") for name in names)


def _xlsx_lines(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise TableError(
            _("The file looks like a workbook but cannot be opened: %(reason)s") % {"reason": error}
        ) from None
    except Exception as error:  # openpyxl raises assorted errors on malformed parts
        raise TableError(
            _("The file looks like a workbook but cannot be opened: %(reason)s") % {"reason": error.__class__.__name__}
        ) from None
    try:
        if not workbook.worksheets:
            raise TableError(_("The workbook has no worksheet."))
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # do not trust the stored size; many writers get it wrong
        try:
            yield from enumerate(sheet.iter_rows(values_only=True), start=1)
        except TableError:
            raise
        except Exception as error:
            raise TableError(
                _("The first worksheet cannot be read: %(reason)s") % {"reason": error.__class__.__name__}
            ) from None
    finally:
        workbook.close()
