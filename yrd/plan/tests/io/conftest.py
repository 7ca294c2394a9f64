"""Personas and small files for the import/export tests.

A regional coordinator, a Jiangsu coordinator, the contact of a Jiangsu organisation (task owner),
and a stranger with no role. Tasks: J (led by Jiangsu, owned by the organisation), Z (led by
Zhejiang) and JZ (led by Zhejiang, co-led by Jiangsu).
"""

import csv
import io
from datetime import date

import pytest
from openpyxl import Workbook

from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.plan.tests.factories import (  # noqa: F401  (plan is a fixture)
    MilestoneFactory,
    ReportFactory,
    TaskFactory,
    area,
    plan,
)


@pytest.fixture
def people(reference):
    organisation = OrganisationFactory(jurisdiction=jurisdiction("320000"))
    return {
        "coordinator": person("plan_coordinator", "YRD", username="coordinator"),
        "jiangsu": person("plan_coordinator", "320000", username="coordinator_32"),
        "owner": person("task_owner", "320000", organisation=organisation, username="owner_32"),
        "stranger": person(username="stranger"),
        "organisation": organisation,
    }


@pytest.fixture
def tasks(people):
    return {
        "J": TaskFactory(
            code="1.01", leads=["320000"], organisations=[people["organisation"]], kpi_target=100, kpi_unit="%"
        ),
        "Z": TaskFactory(code="1.02", leads=["330000"], title_zh="浙江任务"),
        "JZ": TaskFactory(code="2.01", leads=["330000"], coleads=["320000"], area=area(2)),
    }


@pytest.fixture
def progress(tasks):
    """A milestone and a report on each task."""
    for task in tasks.values():
        MilestoneFactory(task=task, title_zh="中期评估", due_date=date(2025, 6, 30))
        ReportFactory(
            task=task, period_start=date(2025, 7, 1), period_end=date(2025, 9, 30), percent=40, narrative_zh="推进中。"
        )


def csv_bytes(rows, encoding="utf-8-sig"):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TASK_HEADER = [
    "code",
    "area",
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "lead",
    "colead",
    "start",
    "end",
    "kpi_name_zh",
    "kpi_name_en",
    "kpi_target",
    "kpi_unit",
    "published",
]


def task_row(code, lead="320000", **changes):
    values = dict(
        zip(
            TASK_HEADER,
            [
                code,
                "1",
                f"任务{code}",
                f"Task {code}",
                "",
                "",
                lead,
                "",
                "2025-01-01",
                "2026-12-31",
                "",
                "",
                "",
                "",
                "yes",
            ],
            strict=True,
        )
    )
    values.update(changes)
    return [values[name] for name in TASK_HEADER]
