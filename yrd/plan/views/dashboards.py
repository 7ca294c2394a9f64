"""Read-only pages: overview, attention list, map, timeline and the public transparency page."""

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from yrd.core.access import can
from yrd.core.caching import cached_for, public_cache
from yrd.core.selectors import provinces
from yrd.plan import charts, selectors
from yrd.plan.apps import SUBMIT
from yrd.plan.forms import TaskFilterForm
from yrd.plan.models import ProgressReport
from yrd.plan.pdf import last_ended_quarter, quarters_between
from yrd.plan.status import NEEDS_ATTENTION, STATUS_ORDER
from yrd.plan.views.common import filter_form, in_plan_order, is_filtered, page, paginate, permissions, reader_page


def _status_counts(statuses):
    return [{"status": s, "count": statuses.get(s, 0)} for s in STATUS_ORDER]


def _area_table(area_list, summary):
    """One row per area (and one for tasks with no area): stated count, tasks, % done, statuses."""
    per_area = summary["per_area"]
    rows = []
    for area in [*area_list, None]:
        figures = per_area.get(area.pk if area else None)
        if area is None and figures is None:
            continue
        rows.append(
            {
                "area": area,
                "label": charts.area_label(area),
                "figures": figures,
                "statuses": _status_counts(figures["statuses"]) if figures else [],
            }
        )
    return rows


def _area_charts(area_list, summary):
    groups = charts.area_groups(area_list, summary["per_area"])
    return charts.area_progress(groups), charts.area_statuses(groups)


@reader_page
def overview(request, plan):
    def render_body():
        context = {"tab": "overview", **permissions(request.user), **_overview_context(request.user, plan)}
        return render_to_string("plan/_overview_body.html", context, request=request)

    body = cached_for(request.user, "plan.overview", render_body, reads=("plan",))
    return page(request, "plan/overview.html", {"body": body}, tab="overview")


def _overview_context(user, plan):
    tasks = selectors.visible_tasks(user, plan)
    rows = selectors.task_rows(tasks)
    summary = selectors.overview(rows)
    area_list = list(selectors.areas(plan))
    progress_chart, status_chart = _area_charts(area_list, summary)
    awaiting = selectors.reports_awaiting_review(user).filter(task__plan=plan).count()
    my_reports = ProgressReport.objects.filter(task__in=tasks, submitted_by=user).count() if can(user, SUBMIT) else 0
    return {
        "plan": plan,
        "rows": rows,
        "summary": summary,
        "statuses": _status_counts(summary["statuses"]),
        "average": selectors.average_percent(rows),
        "named": selectors.named_task_count(plan),
        "area_rows": _area_table(area_list, summary),
        "awaiting": awaiting,
        "my_reports": my_reports,
        "progress_chart": progress_chart,
        "status_chart": status_chart,
        "pie_chart": charts.status_pie(summary["statuses"]),
        "quarter": last_ended_quarter(selectors.today()),
        "quarters": quarters_between(plan.start, last_ended_quarter(selectors.today())),
    }


@reader_page
def attention(request, plan):
    form = filter_form(request, plan, TaskFilterForm, statuses=NEEDS_ATTENTION)
    tasks = selectors.visible_tasks(request.user, plan)
    rows = selectors.attention_rows(selectors.task_rows(tasks, **form.filters()), tasks)
    listed = paginate(request, rows)
    context = {"plan": plan, "rows": list(listed.object_list), "page_obj": listed, "form": form}
    return page(request, "plan/attention.html", {**context, "filtered": is_filtered(request)}, tab="attention")


@reader_page
def heatmap(request, plan):
    rows = selectors.task_rows(selectors.visible_tasks(request.user, plan))
    area_list = list(selectors.areas(plan))
    province_list = list(provinces())
    cells = selectors.heatmap(rows)
    has_unassigned = any(area_id is None for area_id, _code in cells)
    cities = selectors.per_city(rows)
    table = [
        {
            "label": charts.area_label(area),
            "area": area,
            "cells": [cells.get((area.pk if area else None, p.code)) for p in province_list],
        }
        for area in [*area_list, *([None] if has_unassigned else [])]
    ]
    city_rows = sorted(cities.values(), key=lambda c: c[0].path)
    return page(
        request,
        "plan/heatmap.html",
        {
            "plan": plan,
            "count": len(rows),
            "provinces": province_list,
            "table": table,
            "city_rows": city_rows,
            "heatmap_chart": charts.area_province_heatmap(area_list, province_list, cells, has_unassigned),
            "map_chart": charts.city_map(cities),
        },
        tab="heatmap",
    )


@reader_page
def gantt(request, plan):
    tasks = selectors.visible_tasks(request.user, plan)
    rows = selectors.task_rows(tasks)
    milestones = selectors.milestones_by_task(tasks)
    on_day = selectors.today()
    by_area = {}
    for task in rows:
        by_area.setdefault(task.area_id, []).append(task)
    groups = []
    for area in [*selectors.areas(plan), None]:
        members = sorted(by_area.get(area.pk if area else None, []), key=lambda t: t.code)
        if members:
            groups.append(
                {
                    "area": area,
                    "label": charts.area_label(area),
                    "tasks": members,
                    "chart": charts.gantt(members, milestones, plan, on_day),
                    "chart_id": f"area-{area.number if area else 'none'}",
                    "data_id": f"gantt-{area.number if area else 'none'}",
                }
            )
    return page(request, "plan/gantt.html", {"plan": plan, "groups": groups, "count": len(rows)}, tab="gantt")


@public_cache
def public(request):
    """The transparency page: published tasks and their published fields, for anyone."""
    plan = selectors.current_plan()
    context = {"plan": plan, "tab": "public", "rows": []}
    if plan is not None:
        rows = in_plan_order(selectors.public_task_rows(plan))
        summary = selectors.overview(rows)
        area_list = list(selectors.areas(plan))
        progress_chart, status_chart = _area_charts(area_list, summary)
        context.update(
            {
                "rows": rows,
                "summary": summary,
                "statuses": _status_counts(summary["statuses"]),
                "average": selectors.average_percent(rows),
                "area_rows": _area_table(area_list, summary),
                "progress_chart": progress_chart,
                "status_chart": status_chart,
                "any_demo": any(t.demo_details for t in rows),
                "areas": area_list,
            }
        )
        form = filter_form(request, plan, TaskFilterForm)
        filters = form.filters()
        shown = in_plan_order(selectors.public_task_rows(plan, **filters)) if is_filtered(request) else rows
        listed = paginate(request, shown)
        context.update(
            {
                "form": form,
                "filtered": is_filtered(request),
                "shown": selectors.with_late_milestones(list(listed.object_list)),
                "page_obj": listed,
                "chosen_area": filters["area"] if str(filters["area"]).isdigit() else None,
            }
        )
    if request.user.is_authenticated:
        context.update(permissions(request.user))
    return render(request, "plan/public.html", context)


@public_cache
def public_task(request, pk):
    """One published task for anyone: only the fields the transparency page publishes."""
    plan = selectors.current_plan()
    if plan is None:
        raise Http404
    context = {"plan": plan, "tab": "public", "task": selectors.public_task(plan, pk)}
    if request.user.is_authenticated:
        context.update(permissions(request.user))
    return render(request, "plan/public_task.html", context)
