"""Recompute the due dates of running clocks, e.g. after the next year's holiday arrangement was
entered or the chinese-calendar package upgraded. The daily reminders run it first too."""

from django.core.management.base import BaseCommand
from rich.progress import Progress

from yrd.core.actors import SYSTEM
from yrd.services.models import Application
from yrd.services.writes.clocks import RUNNING, clocks_recompute


class Command(BaseCommand):
    help = "Recompute the due dates of running application clocks (decided ones keep what was recorded)."

    def handle(self, *args, **options):
        total = Application.objects.filter(state__in=RUNNING).count()
        with Progress(transient=True) as progress:
            task = progress.add_task("clocks", total=total)
            changed = clocks_recompute(acting_user=SYSTEM, progress=lambda: progress.advance(task))
        self.stdout.write(f"{changed} of {total} running clocks have a new due date.")
