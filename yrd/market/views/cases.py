"""Regulators' pages: the queue of cases routed to or shared with their jurisdiction, and a case with all its
reports (reporter contact masked), its timeline and the other regulators working the same enterprise."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from yrd.core.access import can
from yrd.core.personal import Kind, mask
from yrd.market.apps import CASE_VIEW
from yrd.market.models import Case
from yrd.market.selectors import case_reports, cases_visible_to, other_cases_of_enterprise


@login_required
def queue(request):
    if not can(request.user, CASE_VIEW):
        raise PermissionDenied
    cases = cases_visible_to(request.user)
    state = request.GET.get("state", "")
    if state:
        cases = cases.filter(state=state)
    return render(request, "market/queue.html", {"cases": cases[:500], "state": state})


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
    }
    return render(request, "market/case.html", context)
