"""Batch work on the heritage inventory: import a GeoJSON file (all or nothing, as the platform), or
export the published inventory as GeoJSON, CSV and one Linked Art JSON-LD document per resource."""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import track

from yrd.core.actors import SYSTEM
from yrd.culture import linked_art
from yrd.culture.geojson import TEXT_PROPERTIES, ImportRefused, feature_of
from yrd.culture.selectors.resources import public_resources, shown_point
from yrd.culture.writes import resources_import


class Command(BaseCommand):
    help = "Import heritage resources from GeoJSON, or export the published ones (GeoJSON, CSV, Linked Art)."

    def add_arguments(self, parser):
        parser.add_argument("--import", dest="source", help="a GeoJSON FeatureCollection to import")
        parser.add_argument("--export", dest="target", help="a directory to write the published inventory to")
        parser.add_argument("--base-url", default="https://yrd.example/api/culture/resources/", help="Linked Art ids")

    def handle(self, *args, **options):
        if bool(options["source"]) == bool(options["target"]):
            raise CommandError("Give either --import FILE or --export DIRECTORY.")
        if options["source"]:
            return self._import(Path(options["source"]))
        return self._export(Path(options["target"]), options["base_url"])

    def _import(self, source: Path) -> None:
        try:
            saved = resources_import(acting_user=SYSTEM, text=source.read_bytes())
        except ImportRefused as refused:
            raise CommandError("Nothing imported:\n" + "\n".join(refused.errors)) from None
        self.stdout.write(f"{len(saved)} resources imported or updated.")

    def _export(self, target: Path, base_url: str) -> None:
        target.mkdir(parents=True, exist_ok=True)
        (target / "linked-art").mkdir(exist_ok=True)
        rows = list(public_resources().select_related("city"))
        features = []
        with open(target / "resources.csv", "w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle)
            out.writerow([*TEXT_PROPERTIES, "city", "longitude", "latitude", "generalised"])
            for resource in track(rows, description="Exporting"):
                features.append(feature_of(resource, public=True))
                lon, lat = shown_point(None, resource)
                out.writerow(
                    [getattr(resource, n) for n in TEXT_PROPERTIES] + [resource.city.code, lon, lat, resource.sensitive]
                )
                document = linked_art.document(resource, f"{base_url}{resource.code}/linked-art")
                (target / "linked-art" / f"{resource.code}.jsonld").write_text(
                    json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8"
                )
        collection = {"type": "FeatureCollection", "features": features}
        (target / "resources.geojson").write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
        self.stdout.write(f"{len(rows)} published resources written to {target}.")
