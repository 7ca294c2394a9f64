"""Demo progress for the real tasks: leads, milestones and monthly reports, generated from a fixed
seed and marked as demo everywhere they are shown."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from yrd.core.demo import demo_organisation, demo_person
from yrd.core.models import User
from yrd.core.selectors import jurisdiction_by_code, provinces, region
from yrd.plan import writes
from yrd.plan.models import Task
from yrd.plan.selectors import current_plan

SEED = 2024
PLACE_HINTS = {
    "310000": ("上海", "张江", "浦东", "虹桥", "沪"),
    "320000": ("江苏", "南京", "苏州", "无锡", "常州", "昆山", "太仓", "苏皖", "苏锡常"),
    "330000": ("浙江", "杭州", "宁波", "嘉兴", "太湖"),
    "340000": ("安徽", "合肥", "芜湖", "苏皖"),
}
DRC = {  # development and reform commissions, the usual task owners (names real, roles demo)
    "310000": ("上海市发展和改革委员会", "Shanghai Development and Reform Commission"),
    "320000": ("江苏省发展和改革委员会", "Jiangsu Development and Reform Commission"),
    "330000": ("浙江省发展和改革委员会", "Zhejiang Development and Reform Commission"),
    "340000": ("安徽省发展和改革委员会", "Anhui Development and Reform Commission"),
}


def _leads(task, rng, codes):
    named = [code for code, hints in PLACE_HINTS.items() if any(h in task.title_zh for h in hints)]
    if not named:
        named = rng.sample(codes, rng.choice([1, 1, 2, 4]))
    return named[:1], named[1:]


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _span(plan, rng) -> tuple[date, date]:
    """A demo task's own start and end: it begins in one of the plan's first 18 months and runs
    from half a year to the plan's end, so that the timeline's bars differ."""
    months = (plan.end.year - plan.start.year) * 12 + plan.end.month - plan.start.month + 1
    first = rng.randrange(0, 18)
    length = min(rng.choice([6, 9, 12, 15, 18, 24, 30, 36]), months - first)
    start = date(plan.start.year + first // 12, first % 12 + 1, 1)
    last = first + length - 1
    return start, _month_end(date(plan.start.year + last // 12, last % 12 + 1, 1))


@dataclass(frozen=True)
class Month:
    """One monthly report of a demo task, as it will be filed."""

    first: date
    last: date
    percent: int
    risk: str

    @property
    def submitted(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.last + timedelta(days=3), time(9)))


def _months(task, rng, today: date) -> list[Month]:
    """The task's monthly reports from its start, each filed three days after its month: only the
    ones filed before `today` exist. Progress runs at the task's own pace; one task in eight
    stumbles in its last third and stalls there with a high risk."""
    pace, stumble = rng.uniform(0.9, 1.2), rng.random() < 0.12
    total = (task.end.year - task.start.year) * 12 + task.end.month - task.start.month + 1
    months, first, percent = [], task.start.replace(day=1), 0
    while first <= task.end:
        month = Month(first, _month_end(first), 0, "low")
        if month.submitted.date() >= today:
            break
        n = len(months) + 1
        late = stumble and n > total * 0.7
        if not late:  # a stumbling task stalls where it was
            percent = max(percent, min(100, round(100 * pace * n / total) + rng.randint(-3, 3)))
        risk = "high" if late else rng.choice(["low", "low", "low", "medium"])
        months.append(Month(first, month.last, percent, risk))
        first = month.last + timedelta(days=1)
    return months


def _reports(owner, reviewer, task, months: list[Month], now: datetime, today: date) -> None:
    """File the reports, each accepted two days after it came in; a running task's newest report
    still awaits review."""
    for n, month in enumerate(months, start=1):
        report = writes.report_submit(
            acting_user=owner,
            task=task,
            period_start=month.first,
            period_end=month.last,
            percent=month.percent,
            risk_level=month.risk,
            narrative_zh=f"{month.first:%Y年%m月}推进情况：完成计划工作的{month.percent}%。（演示数据）",
            narrative_en=f"Progress in {month.first:%B %Y}: {month.percent}% of planned work done. (demo data)",
            is_demo=True,
            submitted_at=month.submitted,
        )
        reviewed_at = month.submitted + timedelta(days=2)
        awaiting = n == len(months) and task.end >= today
        if not awaiting and reviewed_at < now:
            # Written directly: a demo review of the past sends no notification.
            report.review_state, report.reviewed_by, report.reviewed_at = "accepted", reviewer, reviewed_at
            report.save(update_fields=["review_state", "reviewed_by", "reviewed_at"])


MILESTONES = [("工作方案印发", "Work plan issued"), ("中期评估", "Mid-term review"), ("任务验收", "Acceptance")]


def _milestones(coordinator, task, months: list[Month]) -> None:
    """Milestone n of 3 is due n/3 of the way through the task, and done at the end of the month
    whose report first passed n/3 of the work; a task that fell behind (a stumble) keeps it open,
    overdue once its day has passed, so that the attention list and the progress tell one story."""
    for n, (zh, en) in enumerate(MILESTONES, start=1):
        due = task.start + timedelta(days=round((task.end - task.start).days * n / 3))
        threshold = round(100 * n / len(MILESTONES))
        done = next((m.last for m in months if m.percent >= threshold), None)
        writes.milestone_create(
            acting_user=coordinator, task=task, title_zh=zh, title_en=en, due_date=due, done_date=done, is_demo=True
        )


@transaction.atomic
def load_demo(today: date | None = None):
    """Demo leads, spans, reports and milestones for the real tasks that have none yet; every date
    lies before `today` (the day of loading)."""
    rng, today = random.Random(SEED), today or timezone.localdate()
    now = min(timezone.now(), timezone.make_aware(datetime.combine(today, time(0))))
    province_list = list(provinces())
    codes = [p.code for p in province_list]
    organisations = {
        code: demo_organisation(*DRC[code], "government", p) for code, p in zip(codes, province_list, strict=True)
    }
    coordinator = demo_person("coordinator", "长三角区域合作办公室协调员", roles=[("plan_coordinator", region())])
    logins = [("coordinator", "plan coordinator", "whole region"), *_province_people(province_list, organisations)]
    plan = current_plan()
    owners = {code: User.objects.get(username=f"owner_{code[:2]}") for code in codes}
    for task in Task.objects.filter(plan=plan, demo_details=False).order_by("code"):
        if task.milestones.exists() or task.reports.exists():
            continue
        leads, coleads = _leads(task, rng, codes)
        start, end = _span(plan, rng)
        task = writes.task_update(
            acting_user=coordinator,
            task=task,
            demo_details=True,
            start=start,
            end=end,
            leads=[jurisdiction_by_code(c, "province") for c in leads],
            coleads=[jurisdiction_by_code(c, "province") for c in coleads],
            organisations=[organisations[c] for c in leads + coleads],
            kpi_name_zh="年度重点工作完成率",
            kpi_name_en="Share of annual key work completed",
            kpi_target=100,
            kpi_unit="%",
        )
        months = _months(task, rng, today)
        _reports(owners[leads[0]], coordinator, task, months, now, today)
        _milestones(coordinator, task, months)
    if not plan.baselines.exists():  # what the demo's own changes are compared with
        writes.baseline_freeze(acting_user=coordinator, plan=plan, name="载入演示数据时的计划（演示）")
    return logins


def _province_people(province_list, organisations):
    rows = []
    for province in province_list:
        short = province.code[:2]
        demo_person(f"coordinator_{short}", f"{province.name_zh}规划协调员", roles=[("plan_coordinator", province)])
        demo_person(
            f"owner_{short}",
            f"{organisations[province.code].name_zh}联络员",
            organisation=organisations[province.code],
            roles=[("task_owner", province, organisations[province.code])],
        )
        rows += [
            (f"coordinator_{short}", "plan coordinator", province.name_en),
            (f"owner_{short}", "task owner", organisations[province.code].name_en),
        ]
    return rows
