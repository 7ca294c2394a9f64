"""The import page and the export links: who may use them, and what they show."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from yrd.plan.models import Task
from yrd.plan.tests.io.conftest import TASK_HEADER, csv_bytes, task_row, xlsx_bytes

IMPORT = "/plan/import/"


def upload(client, user, kind, data, name="tasks.csv", **extra):
    client.force_login(user)
    return client.post(IMPORT, {"kind": kind, "file": SimpleUploadedFile(name, data), **extra})


def test_the_url_names_are_the_reserved_ones():
    assert reverse("plan:import") == IMPORT
    assert reverse("plan:export", args=["tasks", "xlsx"]) == "/plan/export/tasks.xlsx"


def test_a_coordinator_may_import_every_kind_but_reports(client, people, plan):
    client.force_login(people["coordinator"])
    response = client.get(IMPORT)
    assert response.status_code == 200
    kinds = [k for k, _label, _columns in response.context["kinds"]]
    assert kinds == ["tasks", "milestones"]


def test_a_task_owner_may_import_reports_only(client, people, plan):
    client.force_login(people["owner"])
    response = client.get(IMPORT)
    assert [k for k, _l, _c in response.context["kinds"]] == ["reports"]
    refused = upload(client, people["owner"], "tasks", csv_bytes([TASK_HEADER, task_row("N.01")]))
    assert refused.status_code == 403 and not Task.objects.exists()


def test_a_stranger_is_refused(client, people, plan):
    client.force_login(people["stranger"])
    assert client.get(IMPORT).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client, plan):
    response = client.get(IMPORT)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/plan/export/tasks.csv").status_code == 302


def test_a_bad_file_shows_every_problem_in_a_table(client, people, plan):
    rows = [TASK_HEADER, task_row("N.01"), task_row("N.02", start="yesterday", lead="330000")]
    response = upload(client, people["jiangsu"], "tasks", csv_bytes(rows, "gb18030"))
    assert response.status_code == 200
    errors = response.context["result"].errors
    assert [(e.row, e.column) for e in errors] == [(3, "lead"), (3, "start")]
    body = response.content.decode()
    assert "import-errors" in body and "<code>start</code>" in body
    assert not Task.objects.exists()


def test_a_good_workbook_named_csv_is_imported_with_a_summary(client, people, plan):
    data = xlsx_bytes([TASK_HEADER, task_row("N.01"), task_row("N.02")])
    response = upload(client, people["jiangsu"], "tasks", data, name="disguised.csv")
    result = response.context["result"]
    assert result.ok and result.created == 2
    assert Task.objects.count() == 2


def test_check_only_writes_nothing(client, people, plan):
    data = csv_bytes([TASK_HEADER, task_row("N.01")])
    response = upload(client, people["jiangsu"], "tasks", data, check="1")
    assert response.context["result"].dry_run and not Task.objects.exists()


def test_no_file_is_an_error_not_a_crash(client, people, plan):
    client.force_login(people["jiangsu"])
    response = client.post(IMPORT, {"kind": "tasks"})
    assert response.status_code == 200 and response.context["result"].errors


@pytest.mark.parametrize("user, status", [("coordinator", 200), ("owner", 200), ("stranger", 403)])
def test_export_needs_the_right_to_read(client, people, tasks, user, status):
    client.force_login(people[user])
    response = client.get("/plan/export/tasks.xlsx")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        assert "attachment" in response["Content-Disposition"]
        assert "yrd-plan-tasks-" in response["Content-Disposition"]


def test_export_of_an_unknown_kind_or_format_is_not_found(client, people):
    client.force_login(people["coordinator"])
    assert client.get("/plan/export/people.csv").status_code == 404
    assert client.get("/plan/export/tasks.pdf").status_code == 404


def test_the_template_link_downloads_the_header_alone(client, people, tasks):
    client.force_login(people["coordinator"])
    response = client.get("/plan/export/tasks.csv?template=1")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.strip() == ",".join(TASK_HEADER)


def test_a_file_over_the_size_limit_is_refused_before_reading(client, people, plan):
    data = b"code\n" + b"x" * (5 * 1024 * 1024)
    response = upload(client, people["jiangsu"], "tasks", data)
    [error] = response.context["result"].errors
    assert error.row is None and "MB" in error.reason
