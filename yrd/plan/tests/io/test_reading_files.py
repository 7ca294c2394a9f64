"""Files are read by content, in the encodings Chinese offices use, rows numbered as shown."""

import zipfile

import pytest

from yrd.core.tables import MAX_BYTES, TableError, read_table
from yrd.plan.tests.io.conftest import csv_bytes, xlsx_bytes

ROWS = [["code", "title_zh"], ["1.01", "推动张江、合肥综合性国家科学中心合作共建"], ["1.02", "长三角"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_reads_in_utf8_with_or_without_bom_and_in_gb18030(encoding):
    table = read_table(csv_bytes(ROWS, encoding))
    assert table.header == ["code", "title_zh"]
    assert [cells for _n, cells in table.rows] == ROWS[1:]


def test_a_workbook_named_csv_is_read_as_a_workbook():
    data = xlsx_bytes(ROWS)  # what an upload called "tasks.csv" may really hold
    table = read_table(data)
    assert table.format == "xlsx" and [cells for _n, cells in table.rows] == ROWS[1:]


def test_csv_named_xlsx_is_read_as_csv():
    assert read_table(csv_bytes(ROWS)).format == "csv"


def test_rows_are_numbered_as_the_sheet_shows_them_skipping_blank_rows():
    rows = [[None], ["code", "title_zh"], ["1.01", "a"], [None, None], ["1.02", "b"]]
    table = read_table(xlsx_bytes(rows))
    assert table.header_row == 2
    assert [number for number, _cells in table.rows] == [3, 5]


def test_a_quoted_cell_over_several_lines_is_one_row():
    table = read_table(csv_bytes([["code", "note"], ["1.01", "line 1\nline 2"], ["1.02", "x"]]))
    assert [number for number, _cells in table.rows] == [2, 3]


def test_an_old_xls_file_is_refused_with_advice():
    with pytest.raises(TableError, match=r"\.xlsx"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)


def test_a_broken_workbook_is_refused_not_crashed():
    with pytest.raises(TableError):
        read_table(b"PK\x03\x04 this is not really a zip file")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TableError):
        read_table(path.read_bytes())


def test_binary_garbage_is_refused():
    with pytest.raises(TableError):
        read_table(bytes(range(256)) * 4)


def test_files_over_the_size_limit_are_refused():
    with pytest.raises(TableError, match="MB"):
        read_table(b"code\n" + b"x" * MAX_BYTES)


def test_files_over_the_row_limit_are_refused():
    rows = [["code"]] + [[str(n)] for n in range(11)]
    with pytest.raises(TableError, match="more than 10 rows"):
        read_table(csv_bytes(rows), max_rows=10)


def test_an_empty_file_is_refused():
    for data in (b"", b"\n\n", csv_bytes([[""], [""]])):
        with pytest.raises(TableError):
            read_table(data)


def test_a_csv_cell_escaped_against_formulas_reads_back_as_written():
    table = read_table(csv_bytes([["title_zh"], ["'=1+1"], ["'-5 吨"], ["'plain"]]))
    assert [cells[0] for _n, cells in table.rows] == ["=1+1", "-5 吨", "'plain"]
