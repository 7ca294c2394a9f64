"""Import the market-access negative list from a CSV or XLSX file (the whole file or nothing; it replaces the list).

python manage.py market_access_import negative_list.csv
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress, SpinnerColumn, TextColumn

from yrd.core.actors import SYSTEM
from yrd.market.writes import access_list_import


class Command(BaseCommand):
    help = "Import the market-access negative list (CSV or XLSX; all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
            bar.add_task(f"importing {path.name}")
            try:
                count = access_list_import(acting_user=SYSTEM, name=path.name, content=path.read_bytes())
            except ValidationError as error:
                problems = [m for ms in error.message_dict.values() for m in ms]
                raise CommandError("Nothing was imported:\n  " + "\n  ".join(problems)) from None
        self.stdout.write(f"{count} entries imported from {path}.")
