from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.progress import Progress

from yrd.core.actors import SYSTEM
from yrd.core.models import AuditEntry
from yrd.core.personal.retention import due, personal_erase


class Command(BaseCommand):
    help = (
        "Erase the personal fields of records past their retention period (each module's manifest, "
        "PERSONAL_RETENTION_DAYS overrides). A dry run by default: it counts what --apply would erase. "
        "Each batch is one audited write naming records and fields, never values; safe to stop and run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="erase (without it: only count)")
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument(
            "--as-of", type=date.fromisoformat, help="count as if today were this day (YYYY-MM-DD; dry run only)"
        )

    def handle(self, *args, apply=False, batch_size=200, as_of=None, **options):
        if as_of and apply:
            raise CommandError("--as-of only counts; erasing is always as of now.")
        now = datetime.combine(as_of, time(), tzinfo=timezone.get_current_timezone()) if as_of else None
        found = [(item, item.queryset.count()) for item in due(now)]
        for item, count in found:
            fields = ", ".join(item.queryset.model.personal_fields)
            self.stdout.write(
                f"  {item.rule.model}: {count} of {item.holding.count()} holding personal values are past "
                f"{item.days} days after {item.rule.after} (before {item.cutoff:%Y-%m-%d}) — {fields}. "
                f"{item.rule.basis}"
            )
        plain = AuditEntry.objects.filter(format=AuditEntry.FORMAT_PLAIN).count()
        if plain:
            self.stdout.write(
                f"  core.AuditEntry: {plain} entries written before migration 0009 hash their actor and IP "
                "themselves and keep them (erasing them would break the chain)."
            )
        total = sum(count for _item, count in found)
        if not apply:
            self.stdout.write(f"Dry run: {total} records would have their personal fields erased (--apply to erase).")
            return
        with Progress() as progress:
            bar = progress.add_task("Erasing personal fields", total=total)
            done = sum(
                self.erase(item, batch_size, lambda n: progress.advance(bar, n)) for item, count in found if count
            )
        self.stdout.write(self.style.SUCCESS(f"{done} records erased; the audit log names them."))

    def erase(self, item, batch_size, advance) -> int:
        done = 0
        pks = list(item.queryset.values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            batch = pks[start : start + batch_size]
            done += personal_erase(acting_user=SYSTEM, model=item.model, pks=batch, rule=item.rule)
            advance(len(batch))
        return done
