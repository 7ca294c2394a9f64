"""The quarterly report as a PDF: the plan's state at the end of a quarter, for the tasks the reader
may see, in the active language. Rendered by WeasyPrint from plan/quarterly.html, offline."""

from datetime import date

from django.db.models import Subquery
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, pgettext

from yrd.core.access import grants
from yrd.core.models import Jurisdiction
from yrd.plan.apps import READ, REVIEW
from yrd.plan.models import ProgressReport
from yrd.plan.selectors import (
    areas,
    current_plan,
    live_reports,
    overview,
    status_of,
    visible_tasks,
    with_progress,
)
from yrd.plan.status import NEEDS_ATTENTION, STATUS_ORDER

QUARTERLY = REVIEW  # coordinators, who review progress, publish the quarterly report
ATTENTION = NEEDS_ATTENTION


class NoNetwork(Exception):
    pass


def refuse_fetch(url, *args, **kwargs):
    """WeasyPrint's URL fetcher: the report is self-contained and must never reach the network."""
    raise NoNetwork(f"The quarterly report fetches nothing; refused {url[:80]}")


def quarter_bounds(year, quarter):
    if not 1 <= quarter <= 4:
        raise ValueError("quarter must be 1-4")
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def last_ended_quarter(day: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter that has ended: the one a quarterly report covers."""
    quarter = (day.month - 1) // 3
    return (day.year, quarter) if quarter else (day.year - 1, 4)


def quarters_between(start: date, last: tuple[int, int]) -> list[tuple[int, int]]:
    """(year, quarter) from the quarter of `start` to `last`, newest first."""
    year, quarter = start.year, (start.month - 1) // 3 + 1
    found = []
    while (year, quarter) <= last:
        found.append((year, quarter))
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return found[::-1]


def _as_of(tasks, start, end, on_day):
    """Tasks as they stood at the end of the quarter (reports about periods ending by then,
    milestones open on that day), with the newest report within the quarter."""
    in_quarter = live_reports().filter(period_end__gte=start, period_end__lte=end)
    return (
        with_progress(tasks, on_day, reports_until=end)
        .annotate(
            quarter_percent=Subquery(in_quarter.values("percent")[:1]),
            quarter_risk=Subquery(in_quarter.values("risk_level")[:1]),
            quarter_period_end=Subquery(in_quarter.values("period_end")[:1]),
            quarter_review=Subquery(in_quarter.values("review_state")[:1]),
            quarter_demo=Subquery(in_quarter.values("is_demo")[:1]),
            quarter_kpi_value=Subquery(in_quarter.values("kpi_value")[:1]),
        )
        .order_by("area__number", "code")
    )


def quarterly_context(user, year, quarter, *, plan=None, today=None):
    plan = plan or current_plan()
    start, end = quarter_bounds(year, quarter)
    today = today or timezone.localdate()
    on_day = min(end, today)
    rows = list(_as_of(visible_tasks(user, plan), start, end, on_day)) if plan else []
    rows.sort(key=lambda t: (t.area is None, t.area.number if t.area else 0, t.code))  # NULLs sort per database
    for task in rows:
        task.status = status_of(task, on_day)
        task.leads = [j.name for j in task.lead_jurisdictions.all()]
    summary = overview(rows)
    places = reader_places(user)
    area_rows = _area_rows(plan, rows, summary) if plan else []
    risk_labels = dict(ProgressReport.Risk.choices)
    review_labels = dict(ProgressReport.Review.choices)
    for task in rows:
        task.quarter_risk_label = risk_labels.get(task.quarter_risk, "")
        task.quarter_review_label = review_labels.get(task.quarter_review, "")
        task.latest_risk_label = risk_labels.get(task.latest_risk, "")
    return {
        "plan": plan,
        "year": year,
        "quarter": quarter,
        "start": start,
        "end": end,
        "on_day": on_day,
        "generated": timezone.localtime(),
        "reader": user,
        "places": pgettext("list separator", ", ").join(j.name for j in places) if places else "",
        "rows": rows,
        "total": len(rows),
        "statuses": [(s, s.label, summary["statuses"].get(s, 0)) for s in STATUS_ORDER],
        "status_labels": [s.label for s in STATUS_ORDER],
        "area_rows": area_rows,
        "attention": sorted((t for t in rows if t.status in ATTENTION), key=_attention_order),
        "reported": sum(1 for t in rows if t.quarter_percent is not None),
        "demo_tasks": sum(1 for t in rows if t.demo_details),
        "demo_reports": sum(1 for t in rows if t.quarter_demo),
        "is_chinese": (get_language() or "").lower().startswith("zh"),
    }


def reader_places(user) -> list[Jurisdiction]:
    """The jurisdictions whose tasks the reader's roles let them read, widest first; empty when
    they cover the whole region (the report then says so)."""
    if getattr(user, "is_superuser", False):
        return []
    paths = {g.path for g in grants(user) if READ in g.actions}
    if Jurisdiction.REGION_CODE in paths:
        return []
    places = Jurisdiction.objects.filter(path__in=paths).order_by("path")
    return [j for j in places if not any(j.path.startswith(p + "/") for p in paths)]


def _attention_order(task):
    return ATTENTION.index(task.status), task.area.number if task.area else 99, task.code


def _area_rows(plan, rows, summary):
    per_area, result = summary["per_area"], []
    for area in [*areas(plan), None]:
        figures = per_area.get(area.pk if area else None)
        if figures:
            result.append(
                {
                    "area": area,
                    "tasks": figures["tasks"],
                    "percent": figures["percent"],
                    "statuses": [figures["statuses"].get(s, 0) for s in STATUS_ORDER],
                }
            )
    return result


def render_quarterly_html(user, year, quarter, **kwargs):
    return render_to_string("plan/quarterly.html", quarterly_context(user, year, quarter, **kwargs))


def render_quarterly_pdf(user, year, quarter, **kwargs):
    """The PDF bytes of the quarterly report for `user`, in the active language."""
    from weasyprint import HTML  # imported when a PDF is made: it takes a second and most requests need none

    html = render_quarterly_html(user, year, quarter, **kwargs)
    return HTML(string=html, base_url=None, url_fetcher=refuse_fetch).write_pdf()


def pdf_filename(year, quarter):
    return f"yrd-plan-{year}-Q{quarter}.pdf"
