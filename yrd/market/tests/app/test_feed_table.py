"""Province feeds as CSV or XLSX: all rows or none with every problem by row and column; sending the same file
again changes nothing; only a feed account of the province may send it (page and API)."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from yrd.core.tests.factories import api_key
from yrd.market.feed_table import NAMES, import_feed_table, parse_moment
from yrd.market.models import Report
from yrd.market.tests import factories as f

pytestmark = pytest.mark.django_db
HEADER = ",".join(NAMES)


def row(external_id, city="320100", category="price_fraud", occurred="2026-03-01T09:30:00+08:00"):
    return f"{external_id},南京华联超市,,,,{category},{city},{occurred},,价格欺诈,张三,13800138000,"


def table(*rows) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def test_a_csv_feed_is_taken_whole_and_sending_it_again_changes_nothing(reference):
    feed = f.jiangsu_feed()
    data = table(row("JS-1"), row("JS-2", city="320500"))
    first = import_feed_table(acting_user=feed, source="js-12315", data=data)
    assert (first.created, first.unchanged, first.errors) == (2, 0, [])
    again = import_feed_table(acting_user=feed, source="js-12315", data=data)
    assert (again.created, again.unchanged) == (0, 2) and Report.objects.count() == 2
    assert Report.objects.get(external_id="JS-1").occurred_at.isoformat().startswith("2026-03-01T01:30")


def test_one_bad_row_rejects_the_file_with_every_problem_by_row_and_column(reference):
    feed = f.jiangsu_feed()
    data = table(row("JS-1"), row("JS-2", category="spam"), row("JS-1"), row("JS-4", city="330100", occurred="昨天"))
    result = import_feed_table(acting_user=feed, source="js-12315", data=data)
    assert {(e.row, e.column) for e in result.errors} == {(5, "occurred_at")}  # cells first: nothing else checked
    data = table(row("JS-1"), row("JS-2", category="spam"), row("JS-1"), row("JS-4", city="330100"))
    result = import_feed_table(acting_user=feed, source="js-12315", data=data)
    assert [(e.row, e.column) for e in result.errors] == [(3, "category"), (4, "external_id"), (5, "incident_city")]
    assert result.created == 0 and not Report.objects.exists()


def test_a_check_only_run_counts_and_writes_nothing(reference):
    result = import_feed_table(acting_user=f.jiangsu_feed(), source="js-12315", data=table(row("JS-1")), dry_run=True)
    assert (result.created, result.errors) == (1, []) and not Report.objects.exists()


def test_an_xlsx_feed_reads_like_a_csv_one(reference):
    book = Workbook()
    book.active.append(NAMES)
    book.active.append(row("JS-9").split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_feed_table(acting_user=f.jiangsu_feed(), source="js-12315", data=buffer.getvalue())
    assert result.created == 1 and Report.objects.get().external_id == "JS-9"


def test_a_wrong_header_names_the_missing_and_unknown_columns(reference):
    data = b"external_id,subject_name,colour\nJS-1,x,red\n"
    result = import_feed_table(acting_user=f.jiangsu_feed(), source="js-12315", data=data)
    columns = {e.column for e in result.errors}
    assert "colour" in columns and "description" in columns and not Report.objects.exists()


def test_the_api_takes_a_file_from_the_feed_account_and_refuses_others(client, reference):
    def post(user, data):
        key = api_key(user)
        upload = io.BytesIO(data)
        upload.name = "feed.csv"
        return client.post(
            "/api/market/feeds/table?source=js-12315", {"file": upload}, HTTP_AUTHORIZATION=f"Bearer {key}"
        )

    response = post(f.jiangsu_feed(), table(row("JS-1")))
    assert response.status_code == 200 and response.json()["created"] == 1
    bad = post(f.zhejiang_regulator(), table(row("JS-2")))
    assert bad.status_code == 403 and Report.objects.count() == 1


def test_the_upload_page_shows_every_problem_and_is_refused_to_others(client, reference):
    client.force_login(f.jiangsu_feed())
    upload = io.BytesIO(table(row("JS-1", category="spam")))
    upload.name = "feed.csv"
    response = client.post("/market/feeds/", {"source": "js-12315", "file": upload})
    assert response.status_code == 400 and "category" in response.content.decode()
    assert client.get("/market/feeds/template.csv").content.decode("utf-8-sig").startswith("external_id,")
    client.force_login(f.reporter())
    assert client.get("/market/feeds/").status_code == 403
    assert client.get("/market/feeds/template.csv").status_code == 403


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_reading_a_moment_either_gives_an_aware_time_or_a_reason(value):
    try:
        moment = parse_moment(value)
    except Exception as error:  # noqa: BLE001 - the property: only CellError, never anything else
        assert type(error).__name__ == "CellError"
    else:
        assert moment is None or moment.tzinfo is not None
