from datetime import datetime, timedelta

from django.core.management import call_command
from django.utils import timezone

from yrd.core.models import Notification
from yrd.services import writes
from yrd.services.reminders import send_reminders
from yrd.services.tests.conftest import forwarded


def test_overdue_applications_remind_their_handling_officers_once_a_day(world):
    application = forwarded(world)
    long_ago = timezone.now() - timedelta(days=40)
    writes.application_accept(acting_user=world.ah_officer, application=application, at=long_ago)
    Notification.objects.all().delete()
    sent, flagged = send_reminders()
    assert (sent, flagged) == (1, 1)
    note = Notification.objects.get()
    assert note.recipient == world.ah_officer and "overdue" in note.subject
    assert send_reminders() == (0, 1)


def test_a_forward_not_reviewed_in_a_working_day_is_flagged(world):
    application = forwarded(world)
    application.forwarded_at = timezone.make_aware(datetime(2025, 3, 3, 9))  # as if forwarded then:
    application.review_due_on = datetime(2025, 3, 4).date()  # reviewed by the next working day
    application.save(update_fields=["forwarded_at", "review_due_on"])
    Notification.objects.all().delete()
    sent, flagged = send_reminders(today=datetime(2025, 3, 5).date())
    assert flagged == 1 and "waits for review" in Notification.objects.get(recipient=world.ah_officer).subject


def test_the_command_reports_what_it_did(world, capsys):
    call_command("services_reminders")
    assert "reminders sent" in capsys.readouterr().out
