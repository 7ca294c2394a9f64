import pytest
from django.core import mail
from django.urls import reverse

from yrd.core.models import Notification
from yrd.core.notifications import notify
from yrd.core.tests.factories import person


@pytest.fixture
def two_people(db):
    return person(language="zh-hans"), person(language="en")


def test_each_recipient_gets_the_message_in_their_language(two_people, django_capture_on_commit_callbacks):
    from django.utils.translation import gettext_lazy as _

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=two_people, subject=_("Log in"), body="", url="/plan/")
    subjects = {n.recipient.language: n.subject for n in Notification.objects.all()}
    assert subjects == {"zh-hans": "登录", "en": "Log in"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in two_people)


def test_the_inbox_lists_only_my_messages(client, two_people):
    me, other = two_people
    notify(recipients=[me], subject="for me")
    notify(recipients=[other], subject="for someone else")
    client.force_login(me)
    page = client.get(reverse("core:inbox")).content.decode()
    assert "for me" in page and "for someone else" not in page


def test_opening_a_message_marks_it_read_and_follows_its_link(client, two_people):
    me, _other = two_people
    (note,) = notify(recipients=[me], subject="milestone due", url="/plan/tasks/")
    client.force_login(me)
    response = client.post(reverse("core:inbox-read", args=[note.pk]))
    assert response.status_code == 302 and response.url == "/plan/tasks/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_someone_elses_message_cannot_be_opened(client, two_people):
    me, other = two_people
    (note,) = notify(recipients=[other], subject="private")
    client.force_login(me)
    assert client.post(reverse("core:inbox-read", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_the_inbox_needs_a_login(client, db):
    assert client.get(reverse("core:inbox")).status_code == 302
