"""Reading one spreadsheet cell: parsers that take whatever a cell may hold (None, str, int, float,
bool, date, datetime, time, Decimal) and return a value or raise CellError with a reason a person
can act on (never anything else, whatever the cell holds); columns that name them; and the checks
of a header and a row that name every problem by row and column."""

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

# Excel runs a CSV cell that starts with = + - or @ as a formula. CSV exports put an apostrophe
# before such text (and before text that already starts with apostrophes and then one of these),
# and CSV reading takes exactly one off again, so every text survives the round trip.
ESCAPED = re.compile(r"'*[=+\-@]")
ADCODE_SEPARATORS = re.compile(r"[;,；，、\s]+")
DATE_FORMS = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
TRUE_WORDS = {"yes", "y", "true", "1", "是"}
FALSE_WORDS = {"no", "n", "false", "0", "否"}


@dataclass(frozen=True, order=True)
class RowError:
    """One problem, named as a person finds it in the sheet. row is None for the file as a whole."""

    row: int | None
    column: str
    reason: str


class CellError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = str(reason)


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def describe(value):
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "..."


def _number_text(value):
    """A number cell as the text a person typed: 320000.0 -> "320000"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def normalize_text(text):
    """Stored text as an import would read it back: trimmed, with \n line ends."""
    return (text or "").strip().replace("\r\n", "\n").replace("\r", "\n")


def csv_escape(text):
    stripped = text.strip()
    return "'" + stripped if ESCAPED.match(stripped) else text


def csv_unescape(text):
    stripped = text.strip()
    return stripped[1:] if stripped.startswith("'") and ESCAPED.match(stripped) else text


def parse_text(value, *, max_length=None, multiline=False):
    if value is None:
        return ""
    if isinstance(value, bool):
        raise CellError(_("Expected text, got a true/false value."))
    if isinstance(value, datetime | date | time):
        raise CellError(_("Expected text, got a date or time; format the cell as text."))
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellError(_("Expected text, got %(value)s.") % {"value": describe(value)})
        value = _number_text(value)
    if not isinstance(value, str):
        raise CellError(_("Expected text, got %(value)s.") % {"value": describe(value)})
    text = normalize_text(value)
    allowed = "\n\t" if multiline else ""
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text):
        raise CellError(_("Contains a line break, control character or invalid character; retype the text."))
    if max_length is not None and len(text) > max_length:
        raise CellError(
            _("Is %(length)s characters long; at most %(limit)s are allowed.")
            % {"length": len(text), "limit": max_length}
        )
    return text


def parse_date(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        if value.time() != time(0, 0):
            raise CellError(
                _("Expected a date without a time of day, got %(value)s.") % {"value": value.isoformat(sep=" ")}
            )
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = DATE_FORMS.fullmatch(value.strip())
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                pass
    raise CellError(_("%(value)s is not a date; write it as YYYY-MM-DD, e.g. 2026-09-30.") % {"value": describe(value)})


def parse_decimal(value, *, max_digits=14, decimal_places=2, minimum=None):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise CellError(_("%(value)s is not a number.") % {"value": describe(value)})
    raw = value.strip().replace(",", "") if isinstance(value, str) else value
    try:
        number = Decimal(repr(raw) if isinstance(raw, float) else raw)
    except (InvalidOperation, ValueError):
        raise CellError(_("%(value)s is not a number.") % {"value": describe(value)}) from None
    if not number.is_finite():
        raise CellError(_("%(value)s is not a number.") % {"value": describe(value)})
    exponent = number.normalize().as_tuple().exponent
    if -exponent > decimal_places:
        raise CellError(
            _("%(value)s has more than %(places)s decimal places.")
            % {"value": describe(value), "places": decimal_places}
        )
    if abs(number) >= Decimal(10) ** (max_digits - decimal_places):
        raise CellError(_("%(value)s is too large.") % {"value": describe(value)})
    if minimum is not None and number < minimum:
        raise CellError(_("%(value)s is below %(minimum)s.") % {"value": describe(value), "minimum": minimum})
    return number.quantize(Decimal(1).scaleb(-decimal_places))


def parse_integer(value, *, minimum, maximum):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,6}(\.0*)?", value.strip()):
        number = int(value.strip().split(".")[0])
    if number is None or not minimum <= number <= maximum:
        raise CellError(
            _("%(value)s is not a whole number from %(minimum)s to %(maximum)s.")
            % {"value": describe(value), "minimum": minimum, "maximum": maximum}
        )
    return number


def parse_percent(value):
    if isinstance(value, str) and value.strip().endswith("%"):
        value = value.strip()[:-1]
    return parse_integer(value, minimum=0, maximum=100)


def parse_bool(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS:
        return True
    if isinstance(value, str) and value.strip().lower() in FALSE_WORDS:
        return False
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    raise CellError(
        _("%(value)s is not yes or no (also accepted: true/false, 1/0, 是/否).") % {"value": describe(value)}
    )


def parse_adcodes(value):
    """'320000;330000' -> ['320000', '330000']. Only the form: existence is checked later."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise CellError(_("%(value)s is not a list of adcodes such as 320000;330000.") % {"value": describe(value)})
    if isinstance(value, float) and not value.is_integer():
        raise CellError(_("%(value)s is not a list of adcodes such as 320000;330000.") % {"value": describe(value)})
    text = value if isinstance(value, str) else _number_text(value)
    codes = []
    for part in ADCODE_SEPARATORS.split(text.strip()):
        if not re.fullmatch(r"\d{6}", part):
            raise CellError(
                _("%(value)s is not an adcode (six digits, e.g. 320000); separate codes with ;")
                % {"value": describe(part)}
            )
        if part not in codes:
            codes.append(part)
    return codes


@dataclass(frozen=True)
class Column:
    name: str
    parse: object
    required: bool = False
    help: str = ""

    def read(self, value):
        """The cell's value, or CellError."""
        try:
            parsed = self.parse(value)
        except CellError:
            raise
        except Exception:  # a parser bug must not hide the other rows' errors
            raise CellError(_("%(value)s cannot be read.") % {"value": describe(value)}) from None
        if self.required and (parsed is None or parsed == "" or parsed == []):
            raise CellError(_("Required; the cell is empty."))
        return parsed


def text(max_length=None, multiline=False):
    return lambda value: parse_text(value, max_length=max_length, multiline=multiline)


def check_header(header, columns, header_row=1):
    """Errors for unknown, repeated, unnamed and missing columns; and the column -> position map."""
    expected = {column.name for column in columns}
    errors, positions = [], {}
    for index, name in enumerate(header):
        key = name.strip().lower()
        if not key:
            continue
        if key not in expected:
            reason = _("Unknown column; the columns are: %(names)s.") % {"names": ", ".join(c.name for c in columns)}
            errors.append(RowError(header_row, name, reason))
        elif key in positions:
            errors.append(RowError(header_row, name, _("This column appears twice.")))
        else:
            positions[key] = index
    for column in columns:
        if column.name not in positions:
            errors.append(RowError(header_row, column.name, _("Missing column.")))
    return positions, errors


def parse_row(columns, positions, number, cells):
    """({column name: value}, [RowError]) for one data row."""
    values, errors = {}, []
    for column in columns:
        index = positions.get(column.name)
        raw = cells[index] if index is not None and index < len(cells) else None
        try:
            values[column.name] = column.read(raw)
        except CellError as error:
            values[column.name] = column.parse(None)  # its empty value, so checks can go on
            errors.append(RowError(number, column.name, error.reason))
    return values, errors


def unnamed_cells(header, number, cells):
    """A value under a column with no name is an error: it would otherwise be dropped silently."""
    return [
        RowError(
            number,
            _("column %(letter)s") % {"letter": get_column_letter(index + 1)},
            _("A value under a column without a name."),
        )
        for index, value in enumerate(cells)
        if not blank(value) and (index >= len(header) or not header[index])
    ]
