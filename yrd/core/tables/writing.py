"""Write rows as an XLSX or CSV file officials open in Excel: CSV in UTF-8 with a byte-order mark,
formula-like text escaped (and read back by yrd.core.tables.reading), XLSX with typed cells, a bold
frozen header and columns sized for Chinese text."""

import csv
import io
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .cells import csv_escape

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
MIN_WIDTH, MAX_WIDTH = 8, 60


@dataclass
class ExportFile:
    filename: str
    content_type: str
    content: bytes
    rows: int


def write_table(fmt: str, title: str, header: list, rows: list, progress=None) -> bytes:
    """`rows` (lists of str, int, Decimal, date or None) under `header`, as XLSX or CSV bytes."""
    return (write_xlsx if fmt == "xlsx" else write_csv)(title, header, rows, progress)


def write_csv(kind, header, rows, progress=None):
    """UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for done, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if progress:
            progress(done, len(rows))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_escape(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_xlsx(kind, header, rows, progress=None):
    return write_workbook([(kind, header, rows)], progress)


def write_workbook(sheets, progress=None):
    """Several tables in one XLSX file: `sheets` is a list of (title, header, rows), one sheet each,
    written as `write_xlsx` writes its one (`progress` counts the rows of each sheet in turn)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        _fill_sheet(workbook.create_sheet(title), header, rows, progress)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill_sheet(sheet, header, rows, progress):
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_width(name) for name in header]
    for done, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            _xlsx_cell(sheet, done + 1, index + 1, value)
            if done <= 500:  # a sample is enough to size the columns
                widths[index] = max(widths[index], _width(value))
        if progress:
            progress(done, len(rows))
    for index, width in enumerate(widths, start=1):
        width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def _xlsx_cell(sheet, row, column, value):
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"  # text that starts with = stays text, never a formula
    elif isinstance(value, Decimal):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format = "0.00"
    else:
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"


def _width(value):
    """Display width: CJK characters take two columns; a long text is sized by its first line."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    line = str(value).split("\n", 1)[0][:MAX_WIDTH]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
