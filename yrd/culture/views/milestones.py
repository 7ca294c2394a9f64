"""Milestones toward the bid's submission on the bid's page: the component's city (or the
coordinating office, for the whole bid) adds one and marks it done."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from yrd.core.errors import Conflict
from yrd.culture import writes
from yrd.culture.selectors import bid as selectors
from yrd.culture.writes.milestones import MilestoneInput

from . import bid as bid_views
from .common import errors_of


def _day(text: str):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@login_required
@require_POST
def add(request):
    town = request.POST.get("component", "")
    found = selectors.component_for(request.user, town) if town else None
    data = MilestoneInput(
        code=request.POST.get("code", ""),
        name_zh=request.POST.get("name_zh", ""),
        name_en=request.POST.get("name_en", ""),
        due=_day(request.POST.get("due", "")),
        component=found,
    )
    try:
        writes.milestone_save(acting_user=request.user, data=data)
    except ValidationError as error:
        return bid_views.bid(request, errors=errors_of(error), status=400)
    return redirect("culture:bid")


@login_required
@require_POST
def done(request, code: str):
    found = selectors.milestone_for(code)
    try:
        writes.milestone_done(acting_user=request.user, milestone=found)
    except Conflict as conflict:
        return bid_views.bid(request, errors={"__all__": [conflict.message]}, status=409)
    return redirect("culture:bid")
