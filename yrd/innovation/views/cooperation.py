"""International cooperation projects by stage, with their milestones and plan tasks: public for
public projects; the science officers of a project's province (or of the region) move it to a later
stage and mark its milestones done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.innovation import writes
from yrd.innovation.models import CooperationProject
from yrd.innovation.selectors import registry as selectors

from .common import attempt


def projects(request):
    rows = list(selectors.cooperation_visible_to(request.user))
    choices = CooperationProject.Stage.choices
    stages = [(value, label, [p for p in rows if p.stage == value]) for value, label in choices]
    context = {
        "stages": stages,
        "kept": {p.pk for p in rows if selectors.may_keep(request.user, p)},
        "today": timezone.localdate(),
    }
    return render(request, "innovation/cooperation.html", context)


@login_required
@require_POST
def stage(request, pk: int):
    project = get_object_or_404(selectors.cooperation_visible_to(request.user), pk=pk)
    attempt(
        request,
        lambda: writes.cooperation_save(
            acting_user=request.user,
            project=project,
            data=writes.CooperationInput(
                title_zh=project.title_zh, title_en=project.title_en, partner_country=project.partner_country,
                partner_name=project.partner_name, lead=project.lead, city=project.city,
                stage=request.POST.get("stage", ""), plan_task=project.plan_task, is_demo=project.is_demo,
            ),
        ),
        _("Stage recorded."),
    )  # fmt: skip
    return redirect("innovation:cooperation")


@login_required
@require_POST
def milestone_done(request, pk: int, milestone: int):
    project = get_object_or_404(selectors.cooperation_visible_to(request.user), pk=pk)
    found = get_object_or_404(project.milestones.all(), pk=milestone)
    day = parse_date(request.POST.get("done_on", "")[:10])
    if day is None:
        messages.error(request, _("Give the day it was done (YYYY-MM-DD)."))
        return redirect("innovation:cooperation")
    attempt(
        request,
        lambda: writes.milestone_done(acting_user=request.user, milestone=found, done_on=day),
        _("Milestone done."),
    )
    return redirect("innovation:cooperation")
