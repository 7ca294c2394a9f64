from django.core.management.base import BaseCommand
from rich.progress import Progress

from yrd.core.crypto import keyring, rotation


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field and blind index under the keyring's current keys, in batches, each "
        "audited; safe to stop and run again. Add the new key to the keyring and restart the web processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--dry-run", action="store_true", help="only count the rows due")

    def handle(self, *args, batch_size=500, dry_run=False, **options):
        ring = keyring.keyring()
        self.stdout.write(
            f"Current key {ring.current.key_id} ({ring.current.algorithm}); "
            f"index key {ring.index_current.key_id} ({ring.index_current.algorithm})."
        )
        due = {model: rotation.rows_due(model) for model in rotation.encrypted_models()}
        for model, count in due.items():
            self.stdout.write(f"  {model._meta.label}: {count} rows due")
        if dry_run or not any(due.values()):
            self.stdout.write("Nothing re-encrypted." if not dry_run else "Dry run: nothing re-encrypted.")
            return
        with Progress() as progress:
            bar = progress.add_task("Re-encrypting", total=sum(due.values()))
            done = sum(
                rotation.rotate_model(model, batch_size=batch_size, progress=lambda n: progress.advance(bar, n))
                for model, count in due.items()
                if count
            )
        self.stdout.write(self.style.SUCCESS(f"{done} rows now under key {ring.current.key_id}."))
