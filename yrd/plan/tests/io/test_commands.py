"""plan_import and plan_export act as a named user and refuse a bad file as a whole."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from yrd.plan.models import Task
from yrd.plan.tests.io.conftest import TASK_HEADER, csv_bytes, task_row


def test_export_then_import_by_command(people, tasks, tmp_path, capsys):
    target = tmp_path / "tasks.xlsx"
    call_command("plan_export", kind="tasks", user="coordinator", output=target)
    call_command("plan_import", target, kind="tasks", user="coordinator")
    assert "unchanged 3" in capsys.readouterr().out


def test_a_bad_file_lists_its_problems_and_fails(people, plan, tmp_path, capsys):
    source = tmp_path / "tasks.csv"
    source.write_bytes(csv_bytes([TASK_HEADER, task_row("N.01"), task_row("N.02", percent="x", end="soon")]))
    with pytest.raises(CommandError, match="Nothing imported: 1 problem"):
        call_command("plan_import", source, kind="tasks", user="coordinator_32")
    assert "soon is not a date" in capsys.readouterr().out
    assert not Task.objects.exists()


def test_an_unknown_user_or_a_user_without_the_right_is_refused(people, plan, tmp_path):
    source = tmp_path / "tasks.csv"
    source.write_bytes(csv_bytes([TASK_HEADER, task_row("N.01")]))
    with pytest.raises(CommandError, match="No active user"):
        call_command("plan_import", source, kind="tasks", user="nobody")
    with pytest.raises(CommandError, match="may not import"):
        call_command("plan_import", source, kind="tasks", user="owner_32")
