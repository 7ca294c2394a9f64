"""In-app inbox plus e-mail, each message in the recipient's own language."""

from django.utils import translation

from yrd.core.jobs import run_after_commit
from yrd.core.models import Notification
from yrd.core.tasks import send_email


def notify(*, recipients, subject, body="", url=""):
    """Create inbox entries now; send the e-mails once the surrounding transaction commits.
    `subject` and `body` may be lazy translations; each recipient gets them in their language."""
    created = []
    for person in recipients:
        with translation.override(person.language):
            note = Notification.objects.create(recipient=person, subject=str(subject)[:200], body=str(body), url=url)
        created.append(note)
        if person.email:
            run_after_commit(send_email, person.email, note.subject, f"{note.body}\n\n{note.url}".strip())
    return created
