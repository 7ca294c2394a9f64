"""A file that is not a table, or a table of another kind, gets one plain explanation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from yrd.core.tables import TableError, read_table
from yrd.plan.tests.io.conftest import TASK_HEADER, csv_bytes, task_row, xlsx_bytes

IMPORT = "/plan/import/"
NOT_A_TABLE = "This is not an Excel (.xlsx) or CSV file."
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x8a\x01\x02\x03\nendstream"


def upload(client, user, kind, data, name):
    client.force_login(user)
    return client.post(IMPORT, {"kind": kind, "file": SimpleUploadedFile(name, data)})


def test_a_pdf_is_said_to_be_no_table(client, people, plan):
    response = upload(client, people["coordinator"], "tasks", PDF, "plan.pdf")
    errors = response.context["result"].errors
    assert [e.reason for e in errors] == [NOT_A_TABLE]
    assert "Missing column" not in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
        b"\x01\x02binary\x03 stuff, more",
    ],
)
def test_other_binary_files_are_no_table(data):
    with pytest.raises(TableError, match=r"not an Excel \(\.xlsx\) or CSV"):
        read_table(data)


def test_a_zip_that_is_not_a_workbook_is_no_table():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(TableError, match="not an Excel"):
        read_table(buffer.getvalue())


def test_a_reports_file_uploaded_as_tasks_names_the_right_kind(client, people, plan):
    header = ["task_code", "period_start", "period_end", "percent", "risk", "narrative_zh"]
    data = csv_bytes([header, ["1.01", "2025-01-01", "2025-01-31", "10", "low", "好"]])
    response = upload(client, people["coordinator"], "tasks", data, "reports.csv")
    reasons = [e.reason for e in response.context["result"].errors]
    assert reasons == ["These columns are those of progress reports; choose that kind, or upload the tasks file."]


def test_a_tasks_workbook_uploaded_as_milestones_names_the_right_kind(client, people, plan):
    data = xlsx_bytes([TASK_HEADER, task_row("N.01")])
    response = upload(client, people["coordinator"], "milestones", data, "tasks.xlsx")
    assert "those of tasks" in response.context["result"].errors[0].reason


def test_a_task_owner_sees_the_import_tab(client, people, plan):
    client.force_login(people["owner"])
    page = client.get(reverse("plan:tasks")).content.decode()
    assert f'href="{IMPORT}"' in page


def test_the_heading_names_only_the_kinds_the_caller_may_import(client, people, plan):
    client.force_login(people["coordinator"])
    heading = client.get(IMPORT).content.decode().split("<h1>")[1].split("</h1>")[0]
    assert heading == "Import: Tasks, Milestones"
    client.force_login(people["owner"])
    heading = client.get(IMPORT).content.decode().split("<h1>")[1].split("</h1>")[0]
    assert heading == "Import: Progress reports"
