"""The joint-fund desk: managers assign reviewers, see the ranking and award; reviewers see only the
proposals assigned to them and write their reviews; applicants follow their own proposals (scores
without reviewers' names)."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.innovation import writes
from yrd.innovation.apps import APPLY, FUND, REVIEW
from yrd.innovation.models import Call
from yrd.innovation.selectors import fund as selectors

from .common import attempt


@login_required
def desk(request):
    user = request.user
    if not any(can(user, action) for action in (FUND, REVIEW, APPLY)):
        raise PermissionDenied(_("The joint-fund desk is for fund managers, reviewers and applicants."))
    manager = can(user, FUND)
    calls = [(call, selectors.ranking(call)) for call in selectors.calls()] if manager else []
    own = selectors.proposals_visible_to(user).filter(pk__in=selectors.own_proposals(user).values("pk"))
    context = {
        "manager": manager,
        "calls": calls,
        "assignments": selectors.assignments_of(user),
        "own": [(p, selectors.mean_score(p)) for p in own],
        "open_calls": selectors.open_calls(),
        "leads": selectors.applicant_organisations(user),
        "idempotency_key": uuid.uuid4().hex,
    }
    return render(request, "innovation/fund.html", context)


@login_required
@require_POST
def assign(request, code: str):
    call = get_object_or_404(Call, code=code)
    rows = attempt(request, lambda: writes.reviewers_assign(acting_user=request.user, call=call))
    if rows is not None:
        messages.success(request, _("%(n)d reviewer assignments made for %(call)s.") % {"n": len(rows), "call": code})
    return redirect("innovation:fund")


@login_required
@require_POST
def award(request, code: str):
    call = get_object_or_404(Call, code=code)
    attempt(request, lambda: writes.awards_decide(acting_user=request.user, call=call), _("Awards decided."))
    return redirect("innovation:fund")


@login_required
@require_POST
def review(request, pk: int):
    assignment = get_object_or_404(selectors.assignments_of(request.user), pk=pk)
    raw = request.POST.get("score", "")
    score = int(raw) if raw.strip().lstrip("-").isdigit() else raw
    attempt(
        request,
        lambda: writes.review_submit(
            acting_user=request.user, assignment=assignment, score=score, comment=request.POST.get("comment", "")
        ),
        _("Review saved."),
    )
    return redirect("innovation:fund")


@login_required
@require_POST
def submit(request):
    """An applicant submits a proposal to an open call for one of its organisations."""
    call = get_object_or_404(selectors.open_calls(), code=request.POST.get("call", ""))
    lead = get_object_or_404(selectors.applicant_organisations(request.user), pk=request.POST.get("lead") or 0)
    attempt(
        request,
        lambda: writes.proposal_submit(
            acting_user=request.user,
            idempotency_key=request.POST.get("idempotency_key") or None,
            data=writes.ProposalInput(
                call=call,
                title=request.POST.get("title", ""),
                abstract=request.POST.get("abstract", ""),
                keywords=request.POST.get("keywords", ""),
                lead=lead,
                requested_cny=request.POST.get("requested", ""),
            ),
        ),
        _("Proposal submitted."),
    )
    return redirect("innovation:fund")
