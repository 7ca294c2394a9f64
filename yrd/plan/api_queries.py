"""Reads the plan API needs beyond yrd.plan.selectors: one visible object by id, input references
(adcodes, area numbers, organisation ids) turned into objects or a field error."""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _

from yrd.core.models import Jurisdiction, Organisation
from yrd.core.selectors import jurisdiction_by_code
from yrd.plan.models import Area, Milestone, ProgressReport
from yrd.plan.selectors import current_plan, task_rows, visible_tasks


def plan_or_error():
    plan = current_plan()
    if plan is None:
        raise ValidationError(_("No plan is loaded yet."))
    return plan


def areas_with_counts():
    plan = current_plan()
    if plan is None:
        return []
    published = Count("tasks", filter=Q(tasks__is_published=True))
    return list(Area.objects.filter(plan=plan).annotate(task_count=published).order_by("number"))


def visible_task_row(user, pk):
    """One task the user may read, annotated with its derived status, or Http404."""
    rows = task_rows(visible_tasks(user).filter(pk=pk))
    if not rows:
        raise Http404(_("No such task, or you may not see it."))
    return rows[0]


def visible_task(user, pk):
    task = visible_tasks(user).filter(pk=pk).first()
    if task is None:
        raise Http404(_("No such task, or you may not see it."))
    return task


def task_row(task):
    """A task just written, re-read with its derived status."""
    return task_rows(type(task).objects.filter(pk=task.pk))[0]


def task_milestones(task):
    return list(task.milestones.all())


def visible_milestone(user, pk):
    milestone = Milestone.objects.filter(pk=pk, task__in=visible_tasks(user)).select_related("task").first()
    if milestone is None:
        raise Http404(_("No such milestone, or you may not see it."))
    return milestone


def _reports():
    related = ProgressReport.objects.select_related("task", "submitted_by", "reviewed_by")
    return related.prefetch_related("evidence")


def task_reports(task):
    return list(_reports().filter(task=task))


def visible_report(user, pk):
    report = _reports().filter(pk=pk, task__in=visible_tasks(user)).first()
    if report is None:
        raise Http404(_("No such report, or you may not see it."))
    return report


def report_by_idempotency_key(key):
    return _reports().filter(idempotency_key=key).first() if key else None


def report_again(report):
    return _reports().get(pk=report.pk)


def jurisdiction_from_code(code, field):
    try:
        return jurisdiction_by_code(code)
    except Jurisdiction.DoesNotExist:
        raise ValidationError({field: [_("Unknown adcode: %(code)s") % {"code": code}]}) from None


def jurisdictions_from_codes(codes, field):
    return [jurisdiction_from_code(code, field) for code in dict.fromkeys(codes)]


def area_from_number(plan, number, field="area"):
    if number is None:
        return None
    area = Area.objects.filter(plan=plan, number=number).first()
    if area is None:
        raise ValidationError({field: [_("The plan has no area %(number)s.") % {"number": number}]})
    return area


def organisations_from_ids(ids, field="organisations"):
    wanted = set(ids)
    found = list(Organisation.objects.filter(pk__in=wanted))
    missing = wanted - {o.pk for o in found}
    if missing:
        listed = ", ".join(str(pk) for pk in sorted(missing))
        raise ValidationError({field: [_("Unknown organisations: %(ids)s") % {"ids": listed}]})
    return found
