"""Demo progress for the real tasks: leads, milestones and monthly reports, generated from a fixed
seed and marked as demo everywhere they are shown."""

import random
from datetime import datetime, time, timedelta

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


def _month_starts(first, last):
    day = first
    while day <= last:
        yield day
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _reports(acting_user, task, rng, today):
    pace, stumble = rng.uniform(0.8, 1.15), rng.random() < 0.12
    months = list(_month_starts(task.start, min(today.replace(day=1) - timedelta(days=1), task.end)))
    percent = 0
    for n, first in enumerate(months, start=1):
        target = min(100, round(100 * pace * n / 36))
        percent = max(percent, min(100, target + rng.randint(-3, 3)))
        if stumble and n > len(months) * 0.7:
            percent = min(percent, 60)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        risk = "high" if stumble and n > len(months) * 0.7 else rng.choice(["low", "low", "low", "medium"])
        report = writes.report_submit(
            acting_user=acting_user,
            task=task,
            period_start=first,
            period_end=last,
            percent=percent,
            risk_level=risk,
            narrative_zh=f"{first:%Y年%m月}推进情况：完成计划工作的{percent}%。（演示数据）",
            narrative_en=f"Progress in {first:%B %Y}: {percent}% of planned work done. (demo data)",
            is_demo=True,
            submitted_at=timezone.make_aware(datetime.combine(last + timedelta(days=3), time(9))),
        )
        if n < len(months):
            report.review_state = "accepted"
            report.save(update_fields=["review_state"])
    return percent


MILESTONES = [("工作方案印发", "Work plan issued"), ("中期评估", "Mid-term review"), ("任务验收", "Acceptance")]


def _milestones(coordinator, task, rng, today, percent):
    """Milestone n of 3 is due n/3 of the way through the task. One due in the past was met if
    the task's progress passed n/3; a task that fell behind (a stumble) keeps it open, overdue,
    so that the attention list and the progress figures tell the same story."""
    for n, (zh, en) in enumerate(MILESTONES, start=1):
        due = task.start + timedelta(days=round((task.end - task.start).days * n / 3))
        reached = percent >= round(100 * n / len(MILESTONES))
        if due < today:
            done = due - timedelta(days=rng.randint(0, 20)) if reached else None
        else:
            done = today if percent == 100 else None
        writes.milestone_create(
            acting_user=coordinator, task=task, title_zh=zh, title_en=en, due_date=due, done_date=done, is_demo=True
        )


@transaction.atomic
def load_demo():
    rng, today = random.Random(SEED), timezone.localdate()
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
        writes.task_update(
            acting_user=coordinator,
            task=task,
            demo_details=True,
            leads=[jurisdiction_by_code(c, "province") for c in leads],
            coleads=[jurisdiction_by_code(c, "province") for c in coleads],
            organisations=[organisations[c] for c in leads + coleads],
            kpi_name_zh="年度重点工作完成率",
            kpi_name_en="Share of annual key work completed",
            kpi_target=100,
            kpi_unit="%",
        )
        percent = _reports(owners[leads[0]], task, rng, today)
        _milestones(coordinator, task, rng, today, percent)
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
