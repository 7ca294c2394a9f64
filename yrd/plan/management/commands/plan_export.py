from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import Progress

from yrd.core.access import can
from yrd.core.tables import FORMATS
from yrd.plan.apps import READ
from yrd.plan.io.cli import acting_user, add_user_arguments, language_of
from yrd.plan.io.columns import KINDS
from yrd.plan.io.exporters import export_file


class Command(BaseCommand):
    help = "Export the tasks, milestones or progress reports a user may read as XLSX or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=KINDS, required=True)
        parser.add_argument("--format", choices=tuple(FORMATS), help="Default: from the -o suffix, else xlsx.")
        parser.add_argument("-o", "--output", type=Path, help="Default: a dated file name in this folder.")
        parser.add_argument("--template", action="store_true", help="Only the header row.")
        add_user_arguments(parser)

    def handle(self, *args, **options):
        user = acting_user(options["user"])
        output = options["output"]
        fmt = options["format"] or (output.suffix.lstrip(".").lower() if output else "") or "xlsx"
        if fmt not in FORMATS:
            raise CommandError(f"Unknown format {fmt!r}; use --format xlsx or csv.")
        if not can(user, READ):
            raise CommandError(f"{user.username} may not read the plan.")
        progress = Progress(transient=True, console=Console(stderr=True))
        with language_of(user, options), progress:
            bar = progress.add_task(f"Exporting {options['kind']}", total=None)
            exported = export_file(
                user,
                options["kind"],
                fmt,
                template=options["template"],
                progress=lambda done, total: progress.update(bar, completed=done, total=total),
            )
        path = output or Path(exported.filename)
        path.write_bytes(exported.content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {exported.rows} rows to {path}."))
