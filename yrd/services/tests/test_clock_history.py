"""The clock does not rewrite history (issue 6, item 7): the limit and the due date are recorded at
acceptance, a decided application keeps what was recorded at its decision, and only running clocks
follow a change of the holiday arrangement. Dates cross the 2026 -> 2027 year end, a year
chinese-calendar 1.11 does not know."""

from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from yrd.core.models import WorkdayOverride
from yrd.core.workdays import forget_entered_days
from yrd.services import writes
from yrd.services.clock import clock_of
from yrd.services.models import Application
from yrd.services.selectors import statistics
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import forwarded


def at(*args):
    return timezone.make_aware(datetime(*args))


def accepted(world, on):
    application = forwarded(world)
    return writes.application_accept(acting_user=world.ah_officer, application=application, at=on)


def decide(world, application, on):
    writes.application_start_handling(acting_user=world.ah_officer, application=application, at=on)
    return writes.application_decide(
        acting_user=world.ah_officer, application=application, approved=True, document=f.pdf(), at=on
    )


def fresh(application):
    return Application.objects.select_related("item").get(pk=application.pk)


def enter_2027_new_year():
    WorkdayOverride.objects.create(day=date(2027, 1, 1), is_workday=False, name="元旦", source="test notice")
    forget_entered_days()


def test_the_limit_in_force_at_acceptance_is_kept_when_the_item_changes(world):
    application = accepted(world, at(2026, 12, 21, 10))  # the test item allows 10 working days
    world.item.time_limit_days = 5
    world.item.save()
    application = fresh(application)
    assert application.time_limit_days == 10 and clock_of(application).limit == 10


def test_a_due_date_in_an_unpublished_year_is_provisional_until_the_arrangement_is_entered(world):
    application = fresh(accepted(world, at(2026, 12, 28, 10)))
    assert application.due_provisional and clock_of(application).provisional
    provisional_due = application.due_on
    assert provisional_due.year == 2027
    enter_2027_new_year()
    assert call_command("services_clocks") is None
    application = fresh(application)
    assert not application.due_provisional
    assert application.due_on > provisional_due  # New Year's Day no longer counts as a working day


def test_a_decided_application_keeps_its_verdict_after_the_arrangement_and_the_limit_change(world):
    application = accepted(world, at(2026, 12, 1, 10))
    decided = decide(world, application, at(2026, 12, 16, 10))  # 11 of 10 working days: late
    before = (fresh(decided).on_time, fresh(decided).worked_days, fresh(decided).due_on)
    assert before[:2] == (False, 11)
    for day in (date(2026, 12, 2), date(2026, 12, 3)):  # a later notice declares two days holidays
        WorkdayOverride.objects.create(day=day, is_workday=False, name="调整", source="test notice")
    world.item.time_limit_days = 30
    world.item.save()
    forget_entered_days()
    call_command("services_clocks")
    after = fresh(decided)
    assert (after.on_time, after.worked_days, after.due_on) == before
    assert clock_of(after).status == "late" and statistics()["on_time"] == 0


def test_the_api_says_when_a_due_date_is_provisional(client, world):
    application = accepted(world, at(2026, 12, 28, 10))
    client.force_login(world.ah_officer)
    clock = client.get(f"/api/services/applications/{application.number}").json()["clock"]
    assert clock["provisional"] is True and clock["due"].startswith("2027-")


@pytest.mark.parametrize("language, words", [("en", "provisional"), ("zh-hans", "暂定")])
def test_the_application_page_marks_a_provisional_due_date(client, world, language, words):
    application = accepted(world, at(2026, 12, 28, 10))
    client.force_login(world.ah_officer)
    page = client.get(f"/services/applications/{application.number}/", HTTP_ACCEPT_LANGUAGE=language)
    assert words in page.content.decode()
