from datetime import date, datetime

import pytest
from django.utils import timezone

from yrd.services import writes
from yrd.services.clock import Clock, compute
from yrd.services.tests.conftest import forwarded

pytestmark = pytest.mark.django_db


def test_the_clock_counts_working_days_after_acceptance_skipping_national_day():
    clock = compute(accepted_on=date(2024, 9, 27), limit=5, pauses=[], today=date(2024, 10, 9))
    # 29 Sep (adjusted Sunday), 30 Sep, then 8 and 9 Oct: 1-7 Oct is the holiday
    assert clock.used == 4 and clock.due == date(2024, 10, 10) and clock.status == "due_soon"


def test_a_correction_stops_the_clock_and_moves_the_due_date():
    clock = compute(
        accepted_on=date(2025, 3, 3),
        limit=5,
        pauses=[(date(2025, 3, 4), date(2025, 3, 7))],
        today=date(2025, 3, 10),
    )
    assert clock.paused == 3 and clock.used == 2 and clock.due == date(2025, 3, 13)
    assert clock.status == "running"


def test_an_open_correction_shows_the_clock_paused():
    clock = compute(
        accepted_on=date(2025, 3, 3),
        limit=5,
        pauses=[(date(2025, 3, 4), None)],
        today=date(2025, 3, 20),
    )
    assert clock.status == "paused" and clock.used == 1


def test_overdue_and_decided_late_or_on_time():
    assert compute(accepted_on=date(2025, 3, 3), limit=2, pauses=[], today=date(2025, 3, 10)).status == "overdue"
    late = compute(accepted_on=date(2025, 3, 3), limit=2, pauses=[], finished_on=date(2025, 3, 6))
    assert late.status == "late" and late.used == 3
    assert compute(accepted_on=date(2025, 3, 3), limit=2, pauses=[], finished_on=date(2025, 3, 5)).status == "on_time"


def test_corrections_before_acceptance_do_not_count():
    clock = compute(
        accepted_on=date(2025, 3, 10),
        limit=5,
        pauses=[(date(2025, 3, 3), date(2025, 3, 7))],
        today=date(2025, 3, 11),
    )
    assert clock.paused == 0 and clock.used == 1


def test_an_applications_clock_starts_at_acceptance_and_pauses_for_its_correction(world):
    moment = timezone.make_aware(datetime(2025, 3, 3, 10))
    application = forwarded(world)
    writes.application_accept(acting_user=world.ah_officer, application=application, at=moment)
    writes.correction_request(
        acting_user=world.ah_officer,
        application=application,
        reasons="补充",
        at=moment + timezone.timedelta(days=1),
    )
    from yrd.services.clock import clock_of
    from yrd.services.models import Application

    application = Application.objects.get(pk=application.pk)
    clock = clock_of(application, today=date(2025, 3, 12))
    assert clock.status == "paused" and clock.used == 1 and clock.paused == 6


def badge(clock):
    from types import SimpleNamespace

    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        return render_to_string("services/_clock.html", {"application": SimpleNamespace(clock=clock)})


@pytest.mark.parametrize(
    "clock, css, text",
    [
        (
            Clock("overdue", date(2026, 9, 1), 3, 21, 0, date(2026, 11, 4)),
            "overdue",
            "Overdue: 21 of 3 working days used, due 2026-11-04",
        ),
        (
            Clock("running", date(2026, 11, 6), 20, 2, 0, date(2026, 12, 7)),
            "running",
            "On time: 2 of 20 working days used, due 2026-12-07",
        ),
        (
            Clock("due_soon", date(2026, 11, 6), 5, 4, 0, date(2026, 11, 13)),
            "due_soon",
            "Due soon: 4 of 5 working days used, due 2026-11-13",
        ),
        (
            Clock("overdue", date(2026, 11, 6), 1, 2, 0, date(2026, 11, 9)),
            "overdue",
            "Overdue: 2 of 1 working day used, due 2026-11-09",
        ),
        (
            Clock("paused", date(2026, 11, 6), 3, 2, 1, date(2026, 11, 12)),
            "paused",
            "Paused for correction (2 of 3 working days used)",
        ),
        (
            Clock("on_time", date(2026, 11, 6), 5, 2, 0, date(2026, 11, 13)),
            "on_time",
            "Decided on time after 2 of 5 working days",
        ),
        (
            Clock("late", date(2026, 11, 6), 5, 7, 0, date(2026, 11, 13)),
            "late",
            "Decided late after 7 of 5 working days",
        ),
        (
            Clock("no_limit", date(2026, 11, 6), None, 1),
            "no_limit",
            "No time limit set: 1 working day used",
        ),
    ],
)
def test_the_badge_says_in_a_sentence_how_the_time_limit_stands(clock, css, text):
    assert badge(clock) == f'<span class="clock {css}">{text}</span>\n'


def test_a_clock_not_started_says_so():
    assert badge(Clock("not_started", limit=5)) == '<span class="clock">Clock not started</span>\n'
