from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.progress import Progress

from yrd.plan.reminders import DEFAULT_DAYS, send_reminders


def _day(raw):
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, got {raw!r}") from None


class Command(BaseCommand):
    help = (
        "Remind task owners of open milestones due within N working days and of overdue "
        "ones; coordinators also hear of overdue ones. One message per person; safe to re-run "
        "the same day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=DEFAULT_DAYS, help=f"working days ahead to look (default {DEFAULT_DAYS})"
        )
        parser.add_argument(
            "--date", dest="day", type=_day, default=None, help="the day to remind for, YYYY-MM-DD (default: today)"
        )
        parser.add_argument("--dry-run", action="store_true", help="count, but send nothing")

    def handle(self, *args, days, day, dry_run, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        today = day or timezone.localdate()
        with Progress(transient=True, disable=options["verbosity"] == 0) as progress:
            bar = progress.add_task("Sending reminders", total=None)

            def advance(total=None):
                if total is None:
                    progress.advance(bar)
                else:
                    progress.update(bar, total=total)

            summary = send_reminders(today=today, days=days, dry_run=dry_run, progress=advance)
        verb = "Would remind" if dry_run else "Reminded"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {summary.people} people on {today}: {summary.overdue} overdue milestones, "
                f"{summary.due} due within {days} working days."
            )
        )
        if summary.already_sent:
            self.stdout.write(f"{summary.already_sent} people already had these reminders today.")
        if summary.unowned:
            self.stdout.write(
                self.style.WARNING(
                    f"{summary.unowned} milestones have nobody to remind (no task owner or coordinator)."
                )
            )
