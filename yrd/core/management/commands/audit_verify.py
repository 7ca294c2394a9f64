from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from yrd.core.audit import verify_chain
from yrd.core.models import AuditEntry


class Command(BaseCommand):
    help = "Check the audit log's hash chain; exit 1 naming the first altered or missing entry."

    def handle(self, *args, **options):
        total = AuditEntry.objects.count()
        with Progress(transient=True) as progress:
            bar = progress.add_task("Verifying audit chain", total=total)
            problem = verify_chain(progress=lambda: progress.advance(bar))
        if problem:
            raise CommandError(f"Audit entry #{problem.seq}: {problem.reason}.")
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {total} entries."))
