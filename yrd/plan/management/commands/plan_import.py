from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from yrd.core.tables import MAX_BYTES
from yrd.plan.io.cli import acting_user, add_user_arguments, language_of
from yrd.plan.io.columns import KINDS
from yrd.plan.io.importers import import_file, may_import


class Command(BaseCommand):
    help = (
        "Import tasks, milestones or progress reports from an XLSX or CSV file, acting as a "
        "user. All rows or none: any problem writes nothing and lists every (row, column, "
        "reason)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", choices=KINDS, required=True)
        parser.add_argument("--dry-run", action="store_true", help="Check every row, write nothing.")
        add_user_arguments(parser)

    def handle(self, *args, **options):
        user = acting_user(options["user"])
        path, kind = options["file"], options["kind"]
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path} is larger than {MAX_BYTES // 2**20} MB; split it.")
        with language_of(user, options):
            if not may_import(user, kind):
                raise CommandError(f"{user.username} may not import {kind}.")
            with Progress(transient=True, console=Console(stderr=True)) as progress:
                bar = progress.add_task(f"Importing {kind}", total=None)
                result = import_file(
                    acting_user=user,
                    kind=kind,
                    data=path.read_bytes(),
                    dry_run=options["dry_run"],
                    progress=lambda done, total: progress.update(bar, completed=done, total=total),
                )
            if result.errors:
                self._errors(result)
                raise CommandError(f"Nothing imported: {len(result.errors)} problem(s) in {path}.")
        verb = "Check passed, nothing written" if result.dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: {result.rows} rows; created {result.created}, updated {result.updated}, "
                f"unchanged {result.unchanged}."
            )
        )

    def _errors(self, result):
        table = Table(title="Problems (nothing was written)")
        for name in ("row", "column", "reason"):
            table.add_column(name, overflow="fold")
        for error in result.errors:
            row = "—" if error.row is None else str(error.row)
            table.add_row(row, error.column or "—", error.reason)
        Console(file=self.stdout, width=140).print(table)
