"""In-app inbox plus e-mail, each message in the recipient's own language."""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation

from yrd.core.models import Notification


def notify(*, recipients, subject, body="", url=""):
    """Create inbox entries now; send the e-mails once the surrounding transaction commits.
    `subject` and `body` may be lazy translations; each recipient gets them in their language."""
    created = []
    for person in recipients:
        with translation.override(person.language):
            note = Notification.objects.create(
                recipient=person, subject=str(subject)[:200], body=str(body), url=url
            )
        created.append(note)
        if person.email:
            transaction.on_commit(_mailer(person.email, note))
    return created


def _mailer(address, note):
    def send():
        send_mail(note.subject, f"{note.body}\n\n{note.url}".strip(), None, [address])

    return send
