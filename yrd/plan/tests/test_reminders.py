"""plan_reminders: who hears of which milestone, once per person per run, once per day."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from yrd.core.models import Notification
from yrd.core.tests.factories import person
from yrd.plan.reminders import send_reminders

from .api import builders

MONDAY = date(2025, 6, 23)  # 5 working days ahead is Monday 30 June


@pytest.fixture
def world(reference):
    plan = builders.plan_with_areas()
    sh_org, js_org = builders.organisation("310000"), builders.organisation("320000")
    sh_task = builders.task(plan, "1.01", lead="310000", organisations=[sh_org])
    js_task = builders.task(plan, "2.01", lead="320500", organisations=[js_org])
    return {
        "sh_task": sh_task,
        "js_task": js_task,
        "soon": builders.milestone(sh_task, date(2025, 6, 27), title="ms-soon"),
        "late": builders.milestone(sh_task, date(2025, 6, 20), title="ms-late"),
        "js_late": builders.milestone(js_task, date(2025, 6, 16), title="ms-js-late"),
        "far": builders.milestone(sh_task, date(2025, 7, 15), title="ms-far"),
        "done": builders.milestone(sh_task, date(2025, 6, 19), done=date(2025, 6, 18), title="ms-done"),
        "sh_owner": person("task_owner", "310000", organisation=sh_org, language="zh-hans"),
        "js_owner": person("task_owner", "320000", organisation=js_org),
        "region": person("plan_coordinator", "YRD"),
        "shanghai": person("plan_coordinator", "310000"),
        "jiangsu": person("plan_coordinator", "320000"),
        "anhui": person("plan_coordinator", "340000"),
    }


def inbox(user):
    return list(Notification.objects.filter(recipient=user))


def test_an_owner_gets_one_message_for_all_its_milestones(world):
    send_reminders(today=MONDAY, days=5)
    [note] = inbox(world["sh_owner"])
    assert "ms-soon" in note.body and "ms-late" in note.body
    assert "ms-far" not in note.body and "ms-done" not in note.body
    assert note.url == f"/plan/tasks/{world['sh_task'].pk}/"


def test_coordinators_hear_of_the_overdue_milestones_in_their_scope_only(world):
    send_reminders(today=MONDAY, days=5)
    [regional] = inbox(world["region"])
    assert "ms-late" in regional.body and "ms-js-late" in regional.body
    assert "ms-soon" not in regional.body
    assert regional.url == "/plan/attention/"
    [shanghai] = inbox(world["shanghai"])
    assert "ms-js-late" not in shanghai.body
    [jiangsu] = inbox(world["jiangsu"])
    assert "ms-js-late" in jiangsu.body and "1.01" not in jiangsu.body
    assert inbox(world["anhui"]) == []


def test_a_coordinator_is_not_told_of_milestones_merely_due_soon(world):
    world["late"].delete()
    world["js_late"].delete()
    send_reminders(today=MONDAY, days=5)
    assert inbox(world["region"]) == [] and len(inbox(world["sh_owner"])) == 1


def test_the_window_counts_working_days(world):
    send_reminders(today=MONDAY, days=3)  # Thursday 26 June: Friday's milestone is outside
    [note] = inbox(world["sh_owner"])
    assert "ms-soon" not in note.body and "ms-late" in note.body


def test_each_message_is_written_in_its_recipients_language(world):
    send_reminders(today=MONDAY, days=5)
    [chinese] = inbox(world["sh_owner"])
    [english] = inbox(world["region"])
    assert "任务1.01" in chinese.body and "Task 1.01" not in chinese.body
    assert "Task 1.01" in english.body and "Milestone ms-late" in english.body
    assert english.subject == "Plan reminder: 2 overdue milestones"
    assert "working days late" in english.body


def test_a_second_run_on_the_same_day_sends_nothing_again(world):
    first = send_reminders(today=MONDAY, days=5)
    again = send_reminders(today=MONDAY, days=5)
    assert first.people == 5 and again.people == 0 and again.already_sent == 5
    assert len(inbox(world["sh_owner"])) == 1


def test_a_second_run_sends_only_what_is_new_today(world):
    send_reminders(today=MONDAY, days=5)
    builders.milestone(world["js_task"], date(2025, 6, 24), title="ms-new")
    send_reminders(today=MONDAY, days=5)
    latest = inbox(world["js_owner"])[0]
    assert len(inbox(world["js_owner"])) == 2
    assert "ms-new" in latest.body and "ms-js-late" not in latest.body


def test_the_next_day_reminds_again(world):
    send_reminders(today=MONDAY, days=5)
    send_reminders(today=date(2025, 6, 24), days=5)
    assert len(inbox(world["sh_owner"])) == 2


def test_a_dry_run_sends_and_records_nothing(world):
    summary = send_reminders(today=MONDAY, days=5, dry_run=True)
    assert summary.people == 5 and Notification.objects.count() == 0
    assert send_reminders(today=MONDAY, days=5).people == 5


def test_inactive_people_and_owners_of_other_organisations_are_not_told(world):
    world["sh_owner"].is_active = False
    world["sh_owner"].save()
    other = person("task_owner", "310000", organisation=builders.organisation("310000"))
    send_reminders(today=MONDAY, days=5)
    assert inbox(world["sh_owner"]) == [] and inbox(other) == []


def test_the_summary_counts_milestones_and_those_nobody_owns(world):
    orphan = builders.task(world["sh_task"].plan, "3.01", lead=None, organisations=[])
    builders.milestone(orphan, date(2025, 6, 25), title="ms-orphan")
    summary = send_reminders(today=MONDAY, days=5)
    assert (summary.overdue, summary.due, summary.unowned) == (2, 1, 1)


def test_the_command_prints_a_summary(world):
    out = StringIO()
    call_command("plan_reminders", "--days", "5", "--date", "2025-06-23", stdout=out, verbosity=0)
    assert "Reminded 5 people on 2025-06-23: 2 overdue milestones, 1 due within 5 working days" in (out.getvalue())
    out = StringIO()
    call_command("plan_reminders", "--date", "2025-06-23", stdout=out, verbosity=0)
    assert "already had these reminders" in out.getvalue()


@pytest.mark.parametrize("args", [["--days", "-1"], ["--date", "23/06/2025"]])
def test_the_command_refuses_bad_options(world, args):
    with pytest.raises(CommandError):
        call_command("plan_reminders", *args, verbosity=0)
