"""Tasks: the list with its bulk changes, one task with its reports, reviewing, evidence files."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.plan import selectors, writes
from yrd.plan.apps import MANAGE, REVIEW, SUBMIT
from yrd.plan.forms import BulkForm, ListFilterForm, ReportFilterForm, ReportForm, ReviewForm, TaskFilterForm
from yrd.plan.models import Evidence, ProgressReport, Task
from yrd.plan.views.common import (
    conflict_message,
    filter_form,
    in_plan_order,
    is_filtered,
    page,
    paginate,
    post_only,
    reader_page,
    safe_next,
)


@reader_page
def tasks(request, plan):
    form = filter_form(request, plan, TaskFilterForm)
    filters = form.filters()
    rows = in_plan_order(selectors.task_rows(selectors.visible_tasks(request.user, plan), **filters))
    listed = paginate(request, rows)
    shown = selectors.with_late_milestones(list(listed.object_list))
    for task in shown:
        task.manageable = can(request.user, MANAGE, task.lead_scope())  # leads are prefetched: no query
    return page(
        request,
        "plan/tasks.html",
        {
            "plan": plan,
            "rows": shown,
            "page_obj": listed,
            "form": form,
            "filtered": is_filtered(request),
            "any_manageable": any(t.manageable for t in shown),
            "bulk_form": BulkForm(),
            "export_kinds": [
                ("tasks", _("tasks")),
                ("milestones", _("milestones")),
                ("reports", _("progress reports")),
            ],
        },
        tab="tasks",
    )


def _load(user, pk):
    """(task, milestones, reports) of a task the user may read, or 404."""
    try:
        return selectors.task_detail(user, pk)
    except Task.DoesNotExist:
        raise Http404 from None


def _detail_context(request, loaded, form=None):
    task, milestones, reports = loaded
    may_review = can(request.user, REVIEW, task.lead_scope())
    may_submit = can(request.user, SUBMIT, task)
    return {
        "plan": task.plan,
        "task": task,
        "milestones": milestones,
        "reports": reports,
        "risk_label": ProgressReport.Risk(task.latest_risk).label if task.latest_risk else None,
        "today": selectors.today(),
        "may_review": may_review,
        "may_submit": may_submit,
        "report_form": (form or _new_report_form(request, reports)) if may_submit else None,
        "leads": list(task.lead_jurisdictions.all()),
        "coleads": list(task.colead_jurisdictions.all()),
        "organisations": list(task.responsible_organisations.all()),
        "live_figures": selectors.live_figures(task),
        "linked_milestones": selectors.linked_milestones(task),
    }


def _new_report_form(request, reports):
    """The empty report form; `?period=YYYY-MM-DD` (from "My reports") asks for a revision of the
    returned report of the period starting that day, or else for the month of that day."""
    period = None
    try:
        period = date.fromisoformat(request.GET.get("period", ""))
    except ValueError:
        pass
    returned = ProgressReport.Review.RETURNED
    revising = next((r for r in reports if period and r.period_start == period and r.review_state == returned), None)
    return ReportForm(latest=_latest_live(reports), revising=revising, period=period)


def _latest_live(reports):
    """The latest report that was not returned (reports come newest period first)."""
    returned = ProgressReport.Review.RETURNED
    return next((r for r in reports if r.review_state != returned), None)


@reader_page(one_object=True)
def task_detail(request, plan, pk):
    context = _detail_context(request, _load(request.user, pk))
    return page(request, "plan/task.html", context, tab="tasks")


def _add_errors(form, error):
    """Put a service's ValidationError next to the fields it names, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        form.add_error(None, error)


def _task_page(request, pk):
    return reverse("plan:task", args=[pk])


def _task_of_report(request, pk):
    report = (
        ProgressReport.objects.filter(pk=pk, task__in=selectors.visible_tasks(request.user)).only("task_id").first()
    )
    if report is None:
        raise Http404
    return _task_page(request, report.task_id)


@login_required
@post_only(_task_page)
def report_submit(request, pk):
    loaded = _load(request.user, pk)
    task = loaded[0]
    if not can(request.user, SUBMIT, task):
        raise PermissionDenied(_("You may not report on this task."))
    form = ReportForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            report = writes.report_submit(
                acting_user=request.user,
                task=task,
                period_start=data["period_start"],
                period_end=data["period_end"],
                percent=data["percent"],
                risk_level=data["risk_level"],
                kpi_value=data["kpi_value"],
                narrative_zh=data["narrative_zh"].strip(),
                narrative_en=data["narrative_en"].strip(),
                evidence=data["evidence"],
                idempotency_key=data["idempotency_key"] or None,
            )
        except ValidationError as error:
            _add_errors(form, error)
        except Conflict as conflict:
            form.add_error(None, conflict_message(conflict))
        else:
            if report.replayed:
                messages.info(request, _("This report was already submitted; it is on file once."))
            else:
                messages.success(request, _("Progress report submitted; it now awaits review."))
            return redirect("plan:task", pk=task.pk)
    messages.error(request, _("The report was not saved. Correct the marked fields and send it again."))
    return page(
        request, "plan/task.html", _detail_context(request, _load(request.user, pk), form), tab="tasks", status=400
    )


@reader_page
def review_queue(request, plan):
    """Reports awaiting the caller's review, oldest first, filtered and in pages."""
    form = filter_form(request, plan, ListFilterForm)
    reports = (
        selectors.reports_awaiting_review(request.user)
        .filter(task__plan=plan)
        .select_related("task__area")
        .prefetch_related("evidence")
        .order_by("submitted_at", "pk")
    )
    listed = paginate(request, selectors.filter_reports(reports, **form.filters()))
    context = {"plan": plan, "reports": list(listed.object_list), "page_obj": listed, "form": form}
    return page(request, "plan/reviews.html", {**context, "filtered": is_filtered(request)}, tab="reviews")


@reader_page
def my_reports(request, plan):
    """The reports the caller submitted, newest first, filtered and in pages; returned ones lead to
    a revision."""
    form = filter_form(request, plan, ReportFilterForm)
    may_submit = can(request.user, SUBMIT)
    mine = selectors.my_reports(request.user, plan) if may_submit else ProgressReport.objects.none()
    listed = paginate(request, selectors.filter_reports(mine, **form.filters()))
    reports = list(listed.object_list)
    for report in reports:
        report.revise_url = (
            f"{reverse('plan:task', args=[report.task_id])}?period={report.period_start:%Y-%m-%d}#report"
        )
    context = {"plan": plan, "reports": reports, "page_obj": listed, "form": form, "filtered": is_filtered(request)}
    return page(request, "plan/my_reports.html", context, tab="my-reports")


@login_required
@post_only(_task_of_report)
def report_review(request, pk):
    visible = selectors.visible_tasks(request.user)
    report = ProgressReport.objects.select_related("task", "submitted_by").filter(pk=pk, task__in=visible).first()
    if report is None:
        raise Http404
    form = ReviewForm(request.POST)
    back = safe_next(request, reverse("plan:task", args=[report.task_id]))
    if not form.is_valid():
        if "decision" in form.errors:
            return HttpResponseBadRequest(_("Choose to accept or to return the report."))
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        return redirect(back)
    accept = form.cleaned_data["decision"] == "accept"
    try:
        writes.report_review(
            acting_user=request.user, report=report, accept=accept, comment=form.cleaned_data["comment"].strip()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except Conflict as conflict:
        messages.error(request, conflict.message)
    else:
        done = _("Report accepted.") if accept else _("Report returned for revision.")
        messages.success(request, done)
    return redirect(back)


@login_required
def evidence_download(request, pk):
    evidence = Evidence.objects.select_related("report").filter(pk=pk).first()
    if evidence is None:
        raise Http404
    if not selectors.visible_tasks(request.user).filter(pk=evidence.report.task_id).exists():
        raise PermissionDenied(_("You may not read this task's evidence."))
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@post_only(lambda request: reverse("plan:tasks"))
def bulk(request):
    """Change many tasks at once. Any selected task outside the caller's scope refuses the whole
    request; the service then runs in one transaction, so a failure part-way changes nothing."""
    back = safe_next(request, reverse("plan:tasks"))
    if not can(request.user, MANAGE):
        raise PermissionDenied(_("Only plan coordinators change tasks in bulk."))
    form = BulkForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect(back)
    ids = set(form.cleaned_data["tasks"])
    chosen = list(
        Task.objects.filter(plan=selectors.current_plan(), pk__in=ids).prefetch_related(
            "lead_jurisdictions", "colead_jurisdictions", "responsible_organisations"
        )
    )
    if len(chosen) != len(ids) or not all(can(request.user, MANAGE, task.lead_scope()) for task in chosen):
        raise PermissionDenied(
            _("Some of the selected tasks are not led by your province or city; nothing was changed.")
        )
    try:
        changed = writes.tasks_bulk_change(acting_user=request.user, tasks=chosen, **form.service_arguments())
    except ValidationError as error:
        reason = " ".join(error.messages)
        messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": reason})
    except Conflict as conflict:
        messages.error(request, conflict_message(conflict))
    else:
        if not changed:
            messages.info(request, _("These changes were already applied; nothing was changed again."))
            return redirect(back)
        count = len(chosen)
        messages.success(
            request, ngettext("%(count)s task changed.", "%(count)s tasks changed.", count) % {"count": count}
        )
    return redirect(back)
