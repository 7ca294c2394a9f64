from celery import shared_task
from django.utils import timezone

from yrd.plan.reminders import DEFAULT_DAYS, send_reminders


@shared_task(name="plan.send_reminders", ignore_result=True)
def send_plan_reminders(days=DEFAULT_DAYS):
    """What `manage.py plan_reminders` does, run daily by Celery beat (CELERY_BEAT_SCHEDULE)."""
    send_reminders(today=timezone.localdate(), days=days)
