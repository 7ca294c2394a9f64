"""The real plan: the 2024-2026 Three-Year Action Plan, its 9 areas and the tasks the public record
names (data/plan.csv, sources in data/SOURCES.md). The remaining tasks of the 165 are entered or
imported by coordinators; none are invented here."""

import csv
from datetime import date
from pathlib import Path

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.plan.models import Area, Plan, Task

PLAN_CSV = Path(__file__).parent / "data" / "plan.csv"
PLAN = {
    "code": "yrd-2024-2026",
    "title_zh": "长三角地区一体化发展三年行动计划（2024—2026年）",
    "title_en": "Three-Year Action Plan for the Integrated Development of the Yangtze River Delta (2024-2026)",
    "start": date(2024, 1, 1),
    "end": date(2026, 12, 31),
    "stated_task_count": 165,
    "source": "XINHUA_ZH; SHGOV_EN",
}


def read_rows(path=PLAN_CSV):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _task_codes(rows):
    """Stable codes: '<area>.<nn>' in source order, 'U.<nn>' for tasks whose area is not stated."""
    counters, codes = {}, []
    for row in rows:
        prefix = row["area_no"] or "U"
        counters[prefix] = counters.get(prefix, 0) + 1
        codes.append(f"{prefix}.{counters[prefix]:02d}")
    return codes


@transaction.atomic
def load_reference():
    plan, _ = Plan.objects.update_or_create(code=PLAN["code"], defaults=PLAN)
    rows = read_rows()
    areas = {}
    for row in rows:
        if row["area_no"] and row["area_no"] not in areas:
            areas[row["area_no"]], _ = Area.objects.update_or_create(
                plan=plan,
                number=int(row["area_no"]),
                defaults={
                    "title_zh": row["area_title_zh"],
                    "title_en": row["area_title_en"],
                    "stated_task_count": int(row["area_key_task_count"]) if row["area_key_task_count"] else None,
                    "source": row["area_title_source"],
                },
            )
    named = [row for row in rows if row["task_title_zh"]]
    for code, row in zip(_task_codes(named), named, strict=True):
        Task.objects.update_or_create(
            plan=plan,
            code=code,
            defaults={
                "area": areas.get(row["area_no"]),
                "title_zh": row["task_title_zh"],
                "title_en": row["task_title_en"],
                "area_assignment": row["area_assignment"],
                "source": row["source"],
                "start": plan.start,
                "end": plan.end,
            },
        )
    summary = {"areas": len(areas), "named tasks": len(named)}
    audit_record(actor=SYSTEM, action="plan.reference.load", obj=plan, data=summary)
    return summary
