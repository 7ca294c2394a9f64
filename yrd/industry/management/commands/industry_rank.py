"""Rank every supplier and every city by the OEM output lost if it stops for some days (the
disruption LP of yrd.industry.analysis.disruption on the stored chain), with a progress bar."""

from django.core.management.base import BaseCommand, CommandError
from rich.progress import track

from yrd.industry.analysis.disruption import Analyser
from yrd.industry.chaindata import chain_from_db


class Command(BaseCommand):
    help = "Rank suppliers and cities by vehicles lost if they stop for --days days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14)
        parser.add_argument("--top", type=int, default=20)

    def handle(self, *args, days, top, **options):
        if not 1 <= days <= 365:
            raise CommandError("--days is from 1 to 365.")
        chain = chain_from_db()
        if not chain.firms:
            raise CommandError("No enterprise on the chain yet.")
        analyser = Analyser(chain, days)
        suppliers = [f for f in chain.firms.values() if f.tier != "oem"]
        ranked = sorted(
            ((firm.id, analyser.outcome((firm.id,)).total_lost) for firm in track(suppliers, description="Suppliers")),
            key=lambda pair: -pair[1],
        )
        self.stdout.write(f"Suppliers, vehicles lost if stopped {days} days:")
        for firm, loss in ranked[:top]:
            self.stdout.write(f"  enterprise {firm}: {loss:.1f}")
        self.stdout.write("Cities:")
        for city, loss in analyser.rank_cities()[:top]:
            self.stdout.write(f"  {city}: {loss:.1f}")
