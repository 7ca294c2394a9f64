"""Factories for the plan tracker's tests; any module's tests may import them.

    plan = make_plan()                       # the 2024-2026 plan with its 9 areas (idempotent)
    task = TaskFactory(leads=["320000"], coleads=["330000"], organisations=[org])
    MilestoneFactory(task=task, due_date=...)
    ReportFactory(task=task, percent=40)

`plan` is a pytest fixture: import it into a conftest.py
(`from yrd.plan.tests.factories import plan`).
Leads and co-leads take adcodes ("320000" is the province, "320100" a city; "YRD" the region) or
Jurisdiction objects; they need the jurisdictions loaded (the `reference` fixture).
"""

import calendar
from datetime import date

import factory
import pytest
from django.utils import timezone

from yrd.core.models import Jurisdiction
from yrd.core.tests.factories import jurisdiction
from yrd.plan.models import Area, Milestone, Plan, ProgressReport, Task

AREAS = [
    (
        1,
        "加强长三角科技创新跨区域协同",
        "Cross-regional collaboration in science and technology innovation",
    ),
    (2, "协同建设长三角世界级产业集群", "World-class industrial clusters"),
    (3, "完善基础设施互联互通", "Connected infrastructure"),
    (4, "加快区域市场一体化", "Regional market integration"),
    (5, "推进高水平协同开放", "High-level coordinated opening-up"),
    (6, "加强生态环境共保联治", "Joint ecological and environmental protection"),
    (7, "探索建设中华现代文明", "Modern Chinese civilisation"),
    (8, "拓展公共服务便利共享", "Shared public services"),
    (9, "增强安全发展能力", "Capacity for secure development"),
]


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("code",)

    code = "yrd-2024-2026"
    title_zh = "长三角地区一体化发展三年行动计划（2024—2026年）"
    title_en = "Three-Year Action Plan for the Integrated Development of the Yangtze River Delta (2024-2026)"
    start = date(2024, 1, 1)
    end = date(2026, 12, 31)
    stated_task_count = 165


def make_plan(**fields):
    """The plan with its 9 areas; calling it again returns the same plan."""
    plan = PlanFactory(**fields)
    for number, title_zh, title_en in AREAS:
        Area.objects.get_or_create(
            plan=plan,
            number=number,
            defaults={"title_zh": title_zh, "title_en": title_en, "stated_task_count": 20},
        )
    return plan


@pytest.fixture
def plan(db):
    return make_plan()


def area(number, plan=None):
    return Area.objects.get(plan=plan or make_plan(), number=number)


def _jurisdictions(values):
    return [v if isinstance(v, Jurisdiction) else jurisdiction(v) for v in values]


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task
        skip_postgeneration_save = True

    plan = factory.LazyFunction(make_plan)
    area = factory.LazyAttribute(lambda o: Area.objects.filter(plan=o.plan).order_by("number").first())
    code = factory.Sequence(lambda n: f"T.{n:03d}")
    title_zh = factory.Sequence(lambda n: f"测试任务{n}")
    title_en = factory.Sequence(lambda n: f"Test task {n}")
    start = date(2024, 1, 1)
    end = date(2026, 12, 31)
    area_assignment = Task.Assignment.ENTERED

    @factory.post_generation
    def leads(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.lead_jurisdictions.set(_jurisdictions(extracted))

    @factory.post_generation
    def coleads(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.colead_jurisdictions.set(_jurisdictions(extracted))

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.responsible_organisations.set(extracted)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    task = factory.SubFactory(TaskFactory)
    title_zh = factory.Sequence(lambda n: f"里程碑{n}")
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    due_date = date(2025, 6, 30)
    done_date = None


def _month(n):
    """The n-th month from January 2024, cycling over the plan's 36 months."""
    n %= 36
    return date(2024 + n // 12, n % 12 + 1, 1)


def _month_end(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    task = factory.SubFactory(TaskFactory)
    period_start = factory.Sequence(_month)
    period_end = factory.LazyAttribute(lambda o: _month_end(o.period_start))
    percent = 50
    narrative_zh = "按计划推进。"
    narrative_en = "Progressing as planned."
    risk_level = ProgressReport.Risk.LOW
    submitted_at = factory.LazyFunction(timezone.now)
    review_state = ProgressReport.Review.SUBMITTED
