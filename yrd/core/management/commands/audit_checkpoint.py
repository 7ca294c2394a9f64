from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from yrd.core.audit import CheckpointProblem, make_checkpoint


class Command(BaseCommand):
    help = (
        "Sign the audit chains' heads now and store the checkpoint in the database and the export file "
        "(AUDIT_CHECKPOINT_FILE). Celery beat does this every AUDIT_CHECKPOINT_MINUTES."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="sign even if nothing was written since the last one")

    def handle(self, *args, force=False, **options):
        try:
            checkpoint = make_checkpoint(force=force)
        except CheckpointProblem as problem:
            raise CommandError(str(problem)) from None
        if checkpoint is None:
            self.stdout.write("Nothing was written since the last checkpoint; none made (use --force to sign anyway).")
            return
        statement = checkpoint.statement
        where = settings.AUDIT_CHECKPOINT_FILE or "the database only (AUDIT_CHECKPOINT_FILE is not set)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Checkpoint #{checkpoint.number} signed ({statement['alg']} key {statement['key']}): "
                f"{len(statement['heads'])} chain heads, stored in {where}."
            )
        )
