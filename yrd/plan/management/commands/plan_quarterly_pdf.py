from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from yrd.core.access import can
from yrd.plan.io.cli import acting_user, add_user_arguments, language_of
from yrd.plan.pdf import QUARTERLY, pdf_filename, render_quarterly_pdf


class Command(BaseCommand):
    help = "Write the quarterly progress report (PDF) of the tasks a coordinator may read."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), required=True)
        parser.add_argument("-o", "--output", type=Path, help="Default: yrd-plan-<year>-Q<quarter>.pdf")
        add_user_arguments(parser)

    def handle(self, *args, **options):
        user = acting_user(options["user"])
        if not can(user, QUARTERLY):
            raise CommandError(f"{user.username} is not a plan coordinator.")
        year, quarter = options["year"], options["quarter"]
        status = Console(stderr=True).status(f"Rendering the report for {year} Q{quarter}")
        with language_of(user, options), status:
            content = render_quarterly_pdf(user, year, quarter)
        path = options["output"] or Path(pdf_filename(year, quarter))
        path.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({len(content) // 1024} KB)."))
