from celery import shared_task

from yrd.services.reminders import send_reminders


@shared_task(name="services.send_reminders", ignore_result=True)
def send_services_reminders():
    """What `manage.py services_reminders` does, run daily by Celery beat (CELERY_BEAT_SCHEDULE)."""
    send_reminders()
