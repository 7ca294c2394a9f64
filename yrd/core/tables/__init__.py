"""Tables officials exchange: read an uploaded XLSX or CSV file into numbered rows (the content
decides which), parse each cell with a reason a person can act on, check the header and every row
so an import lists every problem at once, and write rows back as XLSX or CSV. Every module's
import and export uses these; the columns are the module's own."""

from .cells import (
    CellError,
    Column,
    RowError,
    blank,
    check_header,
    csv_escape,
    csv_unescape,
    describe,
    normalize_text,
    parse_adcodes,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_integer,
    parse_percent,
    parse_row,
    parse_text,
    text,
    unnamed_cells,
)
from .reading import MAX_BYTES, MAX_ROWS, Table, TableError, decode_text, read_table
from .writing import FORMATS, ExportFile, write_csv, write_table, write_workbook, write_xlsx

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "MAX_ROWS",
    "CellError",
    "Column",
    "ExportFile",
    "RowError",
    "Table",
    "TableError",
    "blank",
    "check_header",
    "csv_escape",
    "csv_unescape",
    "decode_text",
    "describe",
    "normalize_text",
    "parse_adcodes",
    "parse_bool",
    "parse_date",
    "parse_decimal",
    "parse_integer",
    "parse_percent",
    "parse_row",
    "parse_text",
    "read_table",
    "text",
    "unnamed_cells",
    "write_csv",
    "write_table",
    "write_workbook",
    "write_xlsx",
]
