from django.utils import translation

from yrd.core.models import Notification
from yrd.services import writes
from yrd.services.tests.conftest import decided, forwarded


def speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])


def test_an_english_speaking_officer_accepting_tells_a_chinese_applicant_in_chinese(world):
    speaks(world.applicant, "zh-hans")
    application = forwarded(world)
    with translation.override("en"):
        writes.application_accept(acting_user=world.ah_officer, application=application)
    note = Notification.objects.filter(recipient=world.applicant).latest("pk")
    assert note.subject == f"申请{application.number}已受理"


def test_the_decision_reaches_the_applicant_in_their_language_choice_label_too(world):
    speaks(world.applicant, "zh-hans")
    with translation.override("en"):
        application = decided(world)
    note = Notification.objects.filter(recipient=world.applicant).latest("pk")
    assert note.subject.startswith(f"申请{application.number}已办结") and "Approved" not in note.subject


def test_an_english_speaking_applicant_still_reads_english(world):
    speaks(world.applicant, "en")
    application = forwarded(world)
    with translation.override("zh-hans"):
        writes.application_accept(acting_user=world.ah_officer, application=application)
    note = Notification.objects.filter(recipient=world.applicant).latest("pk")
    assert note.subject == f"Application {application.number} accepted"
