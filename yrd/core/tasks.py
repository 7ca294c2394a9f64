"""Background tasks of the core. They run on a Celery worker when CELERY_BROKER_URL is set, inline
otherwise; callers start them with yrd.core.jobs.run_after_commit."""

from celery import shared_task
from django.core.mail import send_mail


@shared_task(name="core.send_email", ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(address, subject, body):
    """One e-mail; retried with back-off while the mail server cannot be reached."""
    send_mail(subject, body, None, [address])


@shared_task(name="core.audit_checkpoint", ignore_result=True)
def audit_checkpoint():
    """Celery beat's regular signed checkpoint of the audit chains (CELERY_BEAT_SCHEDULE)."""
    from yrd.core.audit import make_checkpoint

    make_checkpoint()
