import csv
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError
from rich.progress import track

from yrd.transport.interface import RoutingError, travel_time_matrix

CHUNK = 100


def read_places(path: Path) -> tuple[list[str], list]:
    """A CSV with a column `id` and either `place` (city adcode or hub code) or `lat` and `lon`."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids, places = [], []
    for number, row in enumerate(rows, start=2):
        try:
            places.append(row["place"] if row.get("place") else (float(row["lat"]), float(row["lon"])))
        except (KeyError, ValueError):
            raise CommandError(f"{path}, row {number}: give `place`, or `lat` and `lon`.") from None
        ids.append(row.get("id") or str(number - 1))
    return ids, places


class Command(BaseCommand):
    help = "Fastest travel hours from every origin to every destination (CSV files of places) into a CSV matrix."

    def add_arguments(self, parser):
        parser.add_argument("origins", type=Path)
        parser.add_argument("destinations", type=Path)
        parser.add_argument("output", type=Path)
        parser.add_argument("--modes", default="", help="comma-separated, e.g. road,rail; default: every mode")

    def handle(self, *args, origins, destinations, output, modes, **options):
        origin_ids, origin_places = read_places(origins)
        destination_ids, destination_places = read_places(destinations)
        chosen = [m for m in modes.split(",") if m] or None
        rows = []
        try:
            for start in track(range(0, len(origin_places), CHUNK), description="Travel times"):
                chunk = origin_places[start : start + CHUNK]
                rows.append(travel_time_matrix(chunk, destination_places, modes=chosen))
        except (RoutingError, ValueError) as error:
            raise CommandError(str(error)) from None
        matrix = np.vstack(rows) if rows else np.zeros((0, len(destination_places)))
        with open(output, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["origin", *destination_ids])
            for origin_id, hours in zip(origin_ids, matrix, strict=True):
                writer.writerow([origin_id, *("" if np.isinf(h) else f"{h:.3f}" for h in hours)])
        self.stdout.write(f"{len(origin_ids)} × {len(destination_ids)} travel times written to {output}.")
