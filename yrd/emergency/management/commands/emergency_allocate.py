"""Run allocation as the platform (for a scheduled or scripted run): a proposal a coordinator then
confirms or discards on the desk. Prints who is short of what."""

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from yrd.core.actors import SYSTEM
from yrd.core.models import Jurisdiction
from yrd.core.selectors import jurisdiction_by_code
from yrd.emergency import writes


class Command(BaseCommand):
    help = "Propose an allocation of the open requests in a jurisdiction (default: the whole region)."

    def add_arguments(self, parser):
        parser.add_argument("--jurisdiction", default=Jurisdiction.REGION_CODE, help="YRD, a province or a city adcode")

    def handle(self, *args, jurisdiction, **options):
        try:
            place = jurisdiction_by_code(jurisdiction)
        except Jurisdiction.DoesNotExist:
            raise CommandError(f"{jurisdiction} is not a jurisdiction of the region.") from None
        with Progress(transient=True) as progress:
            progress.add_task("Allocating", total=None)
            run = writes.allocation_run(acting_user=SYSTEM, jurisdiction=place)
        table = Table(title=f"{run.number}: who is short of what")
        for column in ("request", "item", "needed", "allocated", "cause"):
            table.add_column(column)
        for short in run.shortfalls.select_related("request_line__request", "request_line__item"):
            table.add_row(
                short.request_line.request.number,
                short.request_line.item.code,
                str(short.needed),
                str(short.allocated),
                short.cause,
            )
        Console().print(table)
        self.stdout.write(
            f"{run.number}: {run.lines.count()} lines, {run.shortfalls.count()} shortfalls, "
            f"{run.total_seconds:.2f} s ({run.solver_seconds:.2f} s in the solver). Confirm it on the desk."
        )
