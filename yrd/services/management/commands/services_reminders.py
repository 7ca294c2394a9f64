from django.core.management.base import BaseCommand
from rich.progress import track

from yrd.core.actors import SYSTEM
from yrd.services.reminders import send_reminders
from yrd.services.writes import clocks_recompute


class Command(BaseCommand):
    help = (
        "Remind handling officers of applications due soon or overdue, and of forwarded ones not "
        "reviewed within one working day. Run daily; a reminder is sent once a day at most."
    )

    def handle(self, *args, **options):
        clocks_recompute(acting_user=SYSTEM)
        sent, flagged = send_reminders(progress=lambda rows: track(rows, description="Checking clocks"))
        self.stdout.write(f"{flagged} applications need attention; {sent} reminders sent.")
