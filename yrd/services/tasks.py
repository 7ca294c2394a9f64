from celery import shared_task

from yrd.core.actors import SYSTEM
from yrd.services.reminders import send_reminders
from yrd.services.writes import clocks_recompute


@shared_task(name="services.send_reminders", ignore_result=True)
def send_services_reminders():
    """What `manage.py services_reminders` does, run daily by Celery beat (CELERY_BEAT_SCHEDULE):
    running clocks first get their due dates recomputed, in case the holiday arrangement changed."""
    clocks_recompute(acting_user=SYSTEM)
    send_reminders()
