from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from rich.progress import Progress

from yrd.core.audit import verify_log
from yrd.core.models import AuditEntry


class Command(BaseCommand):
    help = (
        "Check the audit log's chains, their heads and the signed checkpoints (in the database and in a kept "
        "copy of the export file); exit 1 naming the first problem."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoints",
            metavar="FILE",
            help="a copy of the checkpoint export file kept elsewhere (default: AUDIT_CHECKPOINT_FILE, if it exists)",
        )

    def handle(self, *args, checkpoints=None, **options):
        if checkpoints is None and settings.AUDIT_CHECKPOINT_FILE and Path(settings.AUDIT_CHECKPOINT_FILE).exists():
            checkpoints = settings.AUDIT_CHECKPOINT_FILE
        total = AuditEntry.objects.count()
        with Progress(transient=True) as progress:
            bar = progress.add_task("Verifying the audit log", total=total)
            result = verify_log(checkpoint_file=checkpoints, progress=lambda: progress.advance(bar))
        if result.problem:
            raise CommandError(str(result.problem))
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {result.entries} entries in {result.chains} chains."))
        self.stdout.write(self._checkpoint_summary(result, checkpoints))

    @staticmethod
    def _checkpoint_summary(result, checkpoints) -> str:
        against = f" (database and {checkpoints})" if checkpoints else " (database only)"
        latest = result.latest_checkpoint
        if latest is None:
            return "No signed checkpoint yet: run `manage.py audit_checkpoint`; until then only the chains protect it."
        covered = Q()
        for chain, seq, _ in latest["heads"]:
            covered |= Q(chain=chain, seq__lte=seq)
        after = AuditEntry.objects.exclude(covered).count() if latest["heads"] else AuditEntry.objects.count()
        return (
            f"{result.checkpoints} signed checkpoints verified{against}; the latest, #{latest['number']} of "
            f"{latest['at']}, covers all but the {after} entries written since."
        )
