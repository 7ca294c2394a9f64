"""Lots expiring soon, warehouse by warehouse: what to use first, rotate or dispose of."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from rich.console import Console
from rich.progress import track
from rich.table import Table

from yrd.emergency.models import Warehouse
from yrd.emergency.selectors.stock import stock_of


class Command(BaseCommand):
    help = "List the lots that expire within --days (default 60), and those already expired, per warehouse."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=60)

    def handle(self, *args, days, **options):
        today = timezone.localdate()
        horizon = today + timedelta(days=days)
        table = Table(title=f"Lots expiring by {horizon}")
        for column in ("warehouse", "item", "lot", "expires", "on hand", "reserved", "state"):
            table.add_column(column)
        count = 0
        for warehouse in track(list(Warehouse.objects.order_by("code")), description="Reading the ledgers"):
            for row in stock_of(warehouse):
                expires = row.lot.expires_on
                if expires is not None and expires <= horizon:
                    state = "EXPIRED" if expires <= today else f"{(expires - today).days} days"
                    table.add_row(
                        warehouse.code,
                        row.lot.item.code,
                        row.lot.number,
                        str(expires),
                        str(row.balance),
                        str(row.reserved),
                        state,
                    )
                    count += 1
        Console().print(table)
        self.stdout.write(f"{count} lots expire by {horizon}.")
