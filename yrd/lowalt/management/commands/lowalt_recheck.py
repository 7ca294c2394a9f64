from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from rich.progress import track

from yrd.lowalt.selectors.airspace_check import recheck_day


class Command(BaseCommand):
    help = (
        "Check a day's holding intents again against the restrictions in force now and against each "
        "other (after an authority changed its restrictions, say). Reads only; prints the intents that "
        "now conflict, so their operators can be told."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", help="YYYY-MM-DD (default: tomorrow)")

    def handle(self, *args, **options):
        try:
            day = date.fromisoformat(options["day"]) if options["day"] else date.today() + timedelta(days=1)
        except ValueError as error:
            raise CommandError(f"--day: {error}") from None
        found = recheck_day(day, progress=lambda rows: track(rows, description=f"Checking {day}"))
        for number, conflicts in found:
            self.stdout.write(f"{number}: " + "; ".join(conflicts))
        self.stdout.write(f"{len(found)} intents of {day} now conflict.")
