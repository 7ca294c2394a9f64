from django.core.management.base import BaseCommand
from rich.console import Console
from rich.table import Table

from yrd.core.registry import registry


class Command(BaseCommand):
    help = "Load clearly marked demo data into every module (after load_reference) and list the logins."

    def handle(self, *args, **options):
        logins = []
        for label, load in registry.loaders("demo"):
            self.stdout.write(f"Loading demo data: {label}")
            logins += load() or []
        table = Table(title="Demo logins (password for all: see DEMO_PASSWORD below)")
        for column in ("username", "role", "scope"):
            table.add_column(column)
        for row in logins:
            table.add_row(*row)
        Console().print(table)
        from yrd.core.demo import DEMO_PASSWORD

        Console().print(f"DEMO_PASSWORD = [bold]{DEMO_PASSWORD}[/bold]")
