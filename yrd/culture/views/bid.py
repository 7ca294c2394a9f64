"""The joint bid: its public progress for everyone; each component's dossier (sections, versions,
comments, the moves one may make) for the people working on the bid."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from yrd.core.access import Scope, can
from yrd.core.errors import Conflict
from yrd.culture import charts, writes
from yrd.culture.apps import COMPONENT
from yrd.culture.models import SECTIONS
from yrd.culture.pdf import render_nomination_pdf
from yrd.culture.selectors import bid as selectors

from .common import errors_of, resource_name


def bid(request, errors=None, status=200):
    rows = selectors.progress()
    keeper = selectors.may_keep_milestones(request.user)
    context = {
        "rows": rows,
        "sections": SECTIONS,
        "chart": charts.bid_progress(rows, resource_name),
        "complete": sum(1 for r in rows if r.complete),
        "may_read": selectors.may_read_bid(request.user),
        "milestones": selectors.milestones(),
        "may_keep": keeper,
        "own_components": [r.component for r in rows if keeper and can(request.user, COMPONENT, r.component)],
        "whole_bid": keeper and can(request.user, COMPONENT, Scope()),
        "errors": errors or {},
    }
    return render(request, "culture/bid.html", context, status=status)


@login_required
def component(request, town: str, errors=None, status=200):
    if not selectors.may_read_bid(request.user):
        raise PermissionDenied
    found = selectors.component_for(request.user, town)
    sections = [(s, selectors.moves_for(request.user, s)) for s in found.sections.all()]
    context = {
        "component": found,
        "sections": sections,
        "may_edit": can(request.user, COMPONENT, found),
        "comments": found.comments.all(),
        "section_choices": SECTIONS,
        "errors": errors or {},
    }
    return render(request, "culture/component.html", context, status=status)


@login_required
def nomination_pdf(request):
    if not selectors.may_read_bid(request.user):
        raise PermissionDenied
    response = HttpResponse(render_nomination_pdf(request.user), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="water-towns-nomination-components.pdf"'
    return response


@login_required
@require_POST
def section_save(request, town: str, number: int):
    section = selectors.section_for(request.user, town, number)
    try:
        writes.dossier_save(
            acting_user=request.user,
            section=section,
            text_zh=request.POST.get("text_zh", ""),
            text_en=request.POST.get("text_en", ""),
        )
    except ValidationError as error:
        return component(request, town, errors={number: errors_of(error)}, status=400)
    except Conflict as conflict:
        return component(request, town, errors={number: {"__all__": [conflict.message]}}, status=409)
    return redirect("culture:component", town=town)


@login_required
@require_POST
def section_move(request, town: str, number: int, transition: str):
    section = selectors.section_for(request.user, town, number)
    try:
        writes.dossier_move(
            acting_user=request.user, section=section, transition=transition, note=request.POST.get("note", "")
        )
    except ValidationError as error:
        return component(request, town, errors={number: errors_of(error)}, status=400)
    except Conflict as conflict:
        return component(request, town, errors={number: {"__all__": [conflict.message]}}, status=409)
    return redirect("culture:component", town=town)


@login_required
@require_POST
def comment(request, town: str):
    found = selectors.component_for(request.user, town)
    section = request.POST.get("section") or None
    try:
        writes.dossier_comment(
            acting_user=request.user,
            component=found,
            text=request.POST.get("text", ""),
            section=int(section) if section and section.isdigit() else None,
        )
    except ValidationError as error:
        return component(request, town, errors={"comment": errors_of(error)}, status=400)
    return redirect("culture:component", town=town)
