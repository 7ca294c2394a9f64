import io

import pandas as pd
import pytest

from yrd.market.consolidation.batch_io import BATCH_COLUMNS, BatchError, read_reports, write_clusters

GOOD = {
    "report_id": "A1",
    "subject_name": "苏州美佳食品有限公司",
    "subject_uscc": "91320594MA1MXXXX1X",
    "subject_address": "人民路1号",
    "subject_phone": "0512-65123456",
    "incident_city_adcode": "320500",
    "category": "food_safety",
    "reported_at": "2025-03-01T10:00:00+08:00",
    "description": "过期食品",
}


def csv_of(rows, columns=BATCH_COLUMNS):
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=list(columns)).to_csv(buffer, index=False)
    buffer.seek(0)
    return buffer


def problems(source):
    with pytest.raises(BatchError) as caught:
        read_reports(source)
    return [str(error) for error in caught.value.errors]


def test_a_good_file_is_read_whole_with_only_id_and_name_required():
    sparse = {"report_id": "A2", "subject_name": "美佳超市"}
    frame = read_reports(csv_of([GOOD, sparse]))
    assert frame["report_id"].tolist() == ["A1", "A2"]
    assert frame.loc[1, "subject_uscc"] == ""


def test_a_mistyped_uscc_is_not_an_error():
    assert read_reports(csv_of([dict(GOOD, subject_uscc="91320594MA1MXXXX1Y")])).loc[0, "subject_uscc"]


def test_every_bad_row_is_listed_with_its_row_column_and_reason():
    rows = [
        GOOD,
        dict(GOOD),  # repeats A1
        dict(GOOD, report_id="A3", subject_name=" "),
        dict(GOOD, report_id="A4", incident_city_adcode="110000"),
        dict(GOOD, report_id="A5", category="spam"),
        dict(GOOD, report_id="A6", reported_at="yesterday"),
        dict(GOOD, report_id="A7", subject_name="名" * 201),
    ]
    assert problems(csv_of(rows)) == [
        "row 3, report_id: repeats the report id of row 2",
        "row 4, subject_name: must not be empty",
        "row 5, incident_city_adcode: '110000' is not the adcode of one of the 41 YRD cities",
        "row 6, category: 'spam' is not a published category (" + problems_categories() + ")",
        "row 7, reported_at: 'yesterday' is not an ISO 8601 date or date-time",
        "row 8, subject_name: longer than 200 characters",
    ]


def problems_categories():
    from yrd.market.categories import VIOLATION_CATEGORIES

    return ", ".join(VIOLATION_CATEGORIES)


def test_missing_and_unknown_columns_are_named():
    columns = [c for c in BATCH_COLUMNS if c != "subject_phone"] + ["subject_fax"]
    assert problems(csv_of([], columns)) == [
        "row 1, subject_phone: required column is missing",
        "row 1, subject_fax: unknown column",
    ]


def test_a_file_that_is_not_utf8_is_refused_with_a_hint():
    data = io.BytesIO(",".join(BATCH_COLUMNS).encode() + "\nA1,苏州美佳\n".encode("gb18030"))
    assert "save it as CSV UTF-8" in problems(data)[0]


def test_the_same_file_is_read_in_gb18030_when_told():
    data = io.BytesIO(",".join(BATCH_COLUMNS).encode() + "\nA1,苏州美佳\n".encode("gb18030"))
    assert read_reports(data, encoding="gb18030").loc[0, "subject_name"] == "苏州美佳"


def test_clusters_are_written_as_report_id_and_cluster_id():
    buffer = io.StringIO()
    write_clusters(buffer, pd.DataFrame({"report_id": ["A1", "A2"], "cluster_id": ["A1", "A1"], "x": [1, 2]}))
    assert buffer.getvalue() == "report_id,cluster_id\nA1,A1\nA2,A1\n"
