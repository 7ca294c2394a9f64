"""The market-access negative list: imported all-or-nothing; the check answers with the most specific measure."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook

from yrd.core.actors import SYSTEM
from yrd.market.access_list import COLUMNS
from yrd.market.models import AccessMeasure
from yrd.market.selectors import access_check
from yrd.market.tests import factories as f
from yrd.market.writes import access_list_import

pytestmark = pytest.mark.django_db

NEWS, TOBACCO = ("A01", "互联网新闻信息服务", "Online news"), ("A02", "烟草专卖品批发", "Tobacco wholesale")
ROWS = [
    ["N-001", *NEWS, "licence", "国家互联网信息办公室", "《互联网新闻信息服务管理规定》", "", ""],
    ["N-002", *TOBACCO, "licence", "烟草专卖行政主管部门", "《烟草专卖法》", "", ""],
    ["N-003", *TOBACCO, "prohibited", "", "《外商投资准入特别管理措施》", "foreign", ""],
    ["P-001", *NEWS, "eased", "", "浦东新区特别措施（演示）", "", "310115"],
]


def csv_bytes(rows, columns=COLUMNS):
    lines = [",".join(columns)] + [",".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def xlsx_bytes(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def imported(reference):
    access_list_import(acting_user=SYSTEM, name="list.csv", content=csv_bytes(ROWS))


def test_a_region_specific_measure_beats_the_unified_list_in_its_area_only(imported):
    assert access_check("A01", "domestic", "310115").verdict == "eased"
    shanghai = access_check("A01", "domestic", "310104")
    assert (shanghai.verdict, shanghai.authority) == ("licence", "国家互联网信息办公室")


def test_a_measure_for_one_enterprise_type_applies_to_that_type_only(imported):
    assert access_check("A02", "foreign", "320500").verdict == "prohibited"
    assert access_check("A02", "domestic", "320500").verdict == "licence"


def test_an_activity_not_on_the_list_is_allowed(imported):
    assert access_check("Z99", "domestic", "340100").verdict == "allowed"


def test_the_list_imports_from_xlsx_too_and_replaces_the_one_before(imported):
    access_list_import(acting_user=SYSTEM, name="list.xlsx", content=xlsx_bytes(ROWS[:1]))
    assert list(AccessMeasure.objects.values_list("code", flat=True)) == ["N-001"]


def test_a_file_with_bad_rows_is_refused_whole_with_every_row_named(imported):
    bad = [ROWS[0], ["N-001", "A09", "", "", "banned", "", "", "aliens", "999999"]]
    with pytest.raises(ValidationError) as refused:
        access_list_import(acting_user=SYSTEM, name="list.csv", content=csv_bytes(bad))
    problems = refused.value.message_dict["file"]
    assert "row 3, code: repeats an earlier row" in problems
    assert any(p.startswith("row 3, kind:") for p in problems) and any("row 3, area_adcode" in p for p in problems)
    assert AccessMeasure.objects.count() == len(ROWS)


def test_only_the_market_administrator_imports(reference):
    with pytest.raises(PermissionDenied):
        access_list_import(acting_user=f.jiangsu_regulator(), name="list.csv", content=csv_bytes(ROWS))


def test_anyone_may_check_on_the_public_page(client, imported):
    page = client.get("/market/access/", {"activity": "A01", "enterprise_type": "domestic", "place": "310115"})
    assert page.status_code == 200 and "浦东新区特别措施" in page.content.decode()
    assert client.get("/market/access/", {"activity": "A01", "enterprise_type": "x", "place": "1"}).status_code == 400


def test_a_value_beyond_the_named_columns_is_refused_with_its_row_and_column(imported):
    content = csv_bytes([ROWS[0]]).replace(b",\n", b",,stray\n", 1)
    with pytest.raises(ValidationError) as refused:
        access_list_import(acting_user=SYSTEM, name="list.csv", content=content)
    assert refused.value.message_dict["file"] == ["row 2, column J: A value under a column without a name."]
    assert AccessMeasure.objects.count() == len(ROWS)


def test_a_file_that_is_not_a_table_is_refused_with_the_reason(imported):
    with pytest.raises(ValidationError) as refused:
        access_list_import(acting_user=SYSTEM, name="list.csv", content=b"%PDF-1.7 ...")
    assert refused.value.message_dict["file"] == ["This is not an Excel (.xlsx) or CSV file."]
