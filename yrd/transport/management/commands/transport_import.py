from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from yrd.core.actors import SYSTEM
from yrd.transport.writes import network_import


class Command(BaseCommand):
    help = "Import hubs or links from a CSV or GeoJSON file: all or nothing, every bad row listed."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["hubs", "links"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=["csv", "geojson"], help="default: from the file's suffix")

    def handle(self, *args, kind, file, format=None, **options):
        fmt = format or ("geojson" if file.suffix.lower() in (".geojson", ".json") else "csv")
        try:
            counts = network_import(acting_user=SYSTEM, kind=kind, fmt=fmt, text=file.read_text(encoding="utf-8"))
        except ValidationError as error:
            raise CommandError("\n".join(m for ms in error.message_dict.values() for m in ms)) from None
        self.stdout.write(f"{counts['rows']} {kind}: {counts['created']} added, {counts['updated']} updated.")
