"""Regulators' pages: the queue of cases routed to or shared with their jurisdiction, and a case with all its
reports (reporter contact masked), its timeline and the other regulators working the same enterprise."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.core.personal import Kind, mask
from yrd.market.apps import CASE_VIEW
from yrd.market.models import Case
from yrd.market.selectors import case_reports, cases_visible_to, other_cases_of_enterprise, published_decisions
from yrd.market.writes import case_transition
from yrd.market.writes.cases import TransitionInput, available


@login_required
def queue(request):
    if not can(request.user, CASE_VIEW):
        raise PermissionDenied
    cases = cases_visible_to(request.user)
    state = request.GET.get("state", "")
    if state:
        cases = cases.filter(state=state)
    return render(request, "market/queue.html", {"cases": cases[:500], "state": state})


def decisions(request):
    """Published penalty decisions: the enterprise, its USCC, the decision and its legal basis; never reporters."""
    return render(request, "market/decisions.html", {"cases": published_decisions()[:500]})


@login_required
@require_POST
def case_act(request, pk, name):
    case = get_object_or_404(Case, pk=pk)
    post = request.POST
    data = TransitionInput(
        note=post.get("note", ""),
        decision_text=post.get("decision_text", ""),
        legal_basis=post.get("legal_basis", ""),
        penalty_cny=_amount(post.get("penalty_cny", "")),
        outcome=post.get("outcome", ""),
        publish=post.get("publish") == "on",
    )
    try:
        case_transition(acting_user=request.user, case=case, name=name, data=data)
    except ValidationError as error:
        messages.error(request, " ".join(m for ms in error.message_dict.values() for m in ms))
    except Conflict as conflict:
        messages.error(request, conflict.message)
    return (
        redirect("market:case", pk=pk)
        if cases_visible_to(request.user).filter(pk=pk).exists()
        else redirect("market:my_reports")
    )


def _amount(raw: str) -> Decimal | None:
    try:
        return Decimal(raw) if raw.strip() else None
    except InvalidOperation:
        return Decimal(-1)  # refused by the write with a message naming the field


@login_required
def case_page(request, pk):
    get_object_or_404(Case, pk=pk)
    case = cases_visible_to(request.user).filter(pk=pk).first()
    if case is None:  # it exists, but is neither routed to nor shared with the caller's jurisdiction
        raise PermissionDenied
    reports = [
        {"report": r, "phone": mask(Kind.PHONE, r.reporter_phone), "name": mask(Kind.NAME, r.reporter_name)}
        for r in case_reports(case)
    ]
    context = {
        "case": case,
        "reports": reports,
        "events": case.events.all(),
        "others": other_cases_of_enterprise(case),
        "concerned": case.jurisdictions_concerned(),
        "actions": available(request.user, case),
    }
    return render(request, "market/case.html", context)
