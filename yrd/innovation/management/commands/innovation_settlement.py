"""The quarterly settlement between provinces for cross-province voucher redemptions, as a table on
the console and, with --out, as an XLSX or CSV statement."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import track
from rich.table import Table

from yrd.core.models import Jurisdiction
from yrd.core.tables import write_table
from yrd.innovation.selectors.vouchers import settlement

HEADER = ["debtor", "creditor", "redemptions", "amount_cny"]


class Command(BaseCommand):
    help = "Print (and with --out write) who owes whom for a quarter's cross-province voucher redemptions."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("quarter", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--out", help="a file ending in .xlsx or .csv")

    def handle(self, *args, year, quarter, out=None, **options):
        if out and not out.endswith((".xlsx", ".csv")):
            raise CommandError("--out must end in .xlsx or .csv")
        lines = []
        for province in track(list(Jurisdiction.objects.filter(level="province")), description="Summing redemptions"):
            lines += [line for line in settlement(year, quarter, province) if line not in lines]
        table = Table(title=f"Voucher settlement {year} Q{quarter}")
        for column in HEADER:
            table.add_column(column)
        rows = [[line.debtor.code, line.creditor.code, line.redemptions, line.amount_cny] for line in lines]
        for row in rows:
            table.add_row(*(str(cell) for cell in row))
        Console().print(table)
        total = sum((line.amount_cny for line in lines), 0)
        self.stdout.write(f"{len(lines)} province pairs, {sum(r[2] for r in rows)} redemptions, {total:.2f} CNY.")
        if out:
            Path(out).write_bytes(write_table(out.rsplit(".", 1)[1], "settlement", HEADER, rows))
            self.stdout.write(f"Written to {out}.")
