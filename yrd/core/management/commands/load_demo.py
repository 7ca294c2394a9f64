from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from yrd.core.demo import DEMO_EMAIL_DOMAIN
from yrd.core.models import User
from yrd.core.registry import registry


class Command(BaseCommand):
    help = "Load clearly marked demo data into every module (after load_reference) and list the logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even under settings that forbid it or into a database with real accounts.",
        )

    def handle(self, *args, force=False, **options):
        if not force:
            refuse_unless_demo_database()
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
        if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
            Console().print(f"E-mail the demo sends is written to files in {settings.EMAIL_FILE_PATH}")


def refuse_unless_demo_database():
    """The demo creates the superuser admin with a published password: never on a real system."""
    if not settings.DEMO_ALLOWED:
        raise CommandError(
            "load_demo refuses to run under these settings (DEMO_ALLOWED is off, as in production): it "
            "creates the superuser 'admin' with the published demo password. Use the dev settings, or "
            "--force on a throw-away database."
        )
    real = User.objects.exclude(email__endswith=DEMO_EMAIL_DOMAIN)
    if real.exists():
        raise CommandError(
            f"load_demo refuses to run: this database holds {real.count()} account(s) that are not demo "
            f"accounts (e.g. {real.first().username!r}), so it looks like a real system. Use --force only "
            "if it is a throw-away database."
        )
