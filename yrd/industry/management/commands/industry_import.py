"""Load one kind of chain rows (enterprises, capacities, relations) from an XLSX or CSV file, as a
named person: all rows or none, every problem listed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from yrd.core.models import User
from yrd.core.tables import MAX_BYTES
from yrd.industry.chain_io import KINDS, import_file


class Command(BaseCommand):
    help = "Import NEV chain rows (enterprises, then capacities, then supply relations) from XLSX or CSV."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", choices=KINDS, required=True)
        parser.add_argument(
            "--user", required=True, help="Act as this person (an industry official or an enterprise officer)."
        )
        parser.add_argument("--check", action="store_true", help="Only check; write nothing.")

    def handle(self, *args, file, kind, user, check, **options):
        person = User.objects.filter(username=user, is_active=True).first()
        if person is None:
            raise CommandError(f"No active user named {user!r}.")
        if not file.is_file() or file.stat().st_size > MAX_BYTES:
            raise CommandError(f"{file} is not a readable file of at most {MAX_BYTES // 2**20} MB.")
        with Progress(transient=True) as progress:
            task = progress.add_task(f"Importing {kind}", total=None)
            result = import_file(
                acting_user=person,
                kind=kind,
                data=file.read_bytes(),
                dry_run=check,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
        for error in result.errors:
            self.stderr.write(f"row {error.row or '-'}, column {error.column or '-'}: {error.reason}")
        if result.errors:
            raise CommandError(f"Nothing was imported: {len(result.errors)} problem(s).")
        verb = "Would import" if check else "Imported"
        counts = f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        self.stdout.write(f"{verb} {result.rows} rows: {counts}.")
