"""Celery app. Without CELERY_BROKER_URL tasks run eagerly in the calling process."""

import os

from celery import Celery

# Production unless told otherwise: a worker started without naming its settings must not run with
# DEBUG on and a known key.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yrd.settings.production")

app = Celery("yrd")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
