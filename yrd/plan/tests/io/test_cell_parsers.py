"""Whatever a cell holds, reading it gives a value or a (row, column, reason) error; no crash."""

from datetime import date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from yrd.core.tables import (
    CellError,
    csv_escape,
    csv_unescape,
    normalize_text,
    parse_adcodes,
    parse_bool,
    parse_date,
    parse_percent,
    parse_row,
    parse_text,
)
from yrd.plan.io.columns import COLUMNS

cells = st.one_of(
    st.none(),
    st.text(),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.decimals(),
    st.from_regex(r"\A\s*\d{1,5}[-/.]\d{1,3}[-/.]\d{1,3}\s*\Z"),
    st.from_regex(r"\A[0-9;,，；、 ]{0,30}\Z"),
    st.from_regex(r"\A-?\d{0,4}(\.\d{0,3})?%?\Z"),
    st.sampled_from(["yes", "NO", "是", "否", "高", "medium", "1e999", "NaN", "-0", "'=1+1"]),
)
kinds = st.sampled_from(list(COLUMNS))


@given(kind=kinds, index=st.integers(min_value=0, max_value=14), value=cells)
def test_any_cell_parses_or_gives_a_reason(kind, index, value):
    column = COLUMNS[kind][index % len(COLUMNS[kind])]
    try:
        column.read(value)
    except CellError as error:
        assert error.reason.strip()


@given(kind=kinds, number=st.integers(min_value=2, max_value=5001), row=st.lists(cells, min_size=0, max_size=20))
def test_a_row_gives_values_for_every_column_or_errors_naming_row_and_column(kind, number, row):
    columns = COLUMNS[kind]
    positions = {column.name: i for i, column in enumerate(columns)}
    values, errors = parse_row(columns, positions, number, row)
    assert set(values) == set(positions)
    for error in errors:
        assert error.row == number and error.column in positions and error.reason


@given(st.dates(min_value=date(1000, 1, 1)))
def test_dates_read_in_every_written_form(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day  # as Chinese Excel writes CSV
    assert parse_date(datetime(day.year, day.month, day.day)) == day
    assert parse_date(day) == day


@given(st.datetimes().filter(lambda moment: moment.time() != datetime.min.time()))
def test_a_date_with_a_time_of_day_is_refused(moment):
    try:
        parse_date(moment)
    except CellError as error:
        assert "time" in error.reason
    else:
        raise AssertionError("accepted a time of day")


def test_impossible_dates_are_refused():
    for text in ("2026-02-30", "2026-13-01", "30/09/2026", "tomorrow", "2026-9"):
        try:
            parse_date(text)
        except CellError as error:
            assert "YYYY-MM-DD" in error.reason
        else:
            raise AssertionError(text)


@given(st.integers(min_value=0, max_value=100))
def test_percent_accepts_whole_numbers_in_any_cell_type(n):
    assert parse_percent(n) == parse_percent(str(n)) == parse_percent(float(n)) == n
    assert parse_percent(f"{n}%") == n


@given(
    st.one_of(
        st.integers().filter(lambda n: not 0 <= n <= 100),
        st.floats().filter(lambda f: not (f == f and abs(f) < 1e300 and f.is_integer())),
        st.booleans(),
    )
)
def test_percent_refuses_fractions_out_of_range_and_true_false(value):
    try:
        parse_percent(value)
    except CellError:
        return
    raise AssertionError(f"accepted {value!r}")


adcodes = st.from_regex(r"\A[1-9]\d{5}\Z")


@given(st.lists(adcodes, min_size=1, max_size=5, unique=True), st.sampled_from([";", ",", "；", "，", " ; ", "、"]))
def test_adcode_lists_read_with_any_separator(codes, separator):
    assert parse_adcodes(separator.join(codes)) == codes


def test_an_adcode_typed_as_a_number_reads_as_a_code():
    assert parse_adcodes(320000) == ["320000"] and parse_adcodes(320000.0) == ["320000"]
    assert parse_adcodes("320000;320000") == ["320000"]


@given(st.sampled_from(["yes", "Yes", "TRUE", "1", "是", " y "]), st.sampled_from(["no", "False", "0", "否"]))
def test_booleans_read_in_english_chinese_and_digits(yes, no):
    assert parse_bool(yes) is True and parse_bool(no) is False
    assert parse_bool(True) is True and parse_bool(0) is False


@given(st.text())
def test_csv_escaping_round_trips_every_text(text):
    assert csv_unescape(csv_escape(text)).strip() == text.strip()


def test_a_formula_in_text_is_escaped_for_excel():
    assert csv_escape('=HYPERLINK("x")').startswith("'")
    assert csv_escape("-5 tonnes") == "'-5 tonnes" and csv_escape("5 tonnes") == "5 tonnes"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=50))
def test_printable_text_reads_back_trimmed(text):
    assert parse_text(text) == normalize_text(text)


def test_control_characters_are_refused_but_line_breaks_kept_in_long_text():
    for bad in ("a\x00b", "a\x1bb"):
        try:
            parse_text(bad, multiline=True)
        except CellError:
            continue
        raise AssertionError(repr(bad))
    assert parse_text("line 1\r\nline 2", multiline=True) == "line 1\nline 2"


def test_numbers_in_text_columns_read_as_typed_and_dates_are_refused():
    assert parse_text(3.04) == "3.04" and parse_text(12.0) == "12"
    assert parse_text(Decimal("7")) == "7"
    try:
        parse_text(date(2026, 1, 1))
    except CellError:
        return
    raise AssertionError("accepted a date as text")
