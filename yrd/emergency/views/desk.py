"""The coordinators' and requesters' desk: incidents, requests and what they still need, allocation
runs with every line's reason, and the commitments on the way."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.models import Jurisdiction
from yrd.emergency import writes
from yrd.emergency.apps import ALLOCATE, INCIDENTS, REQUEST
from yrd.emergency.forms import IncidentForm, ReasonForm, RequestForm, RescheduleForm
from yrd.emergency.models import AllocationRun, Commitment, SupplyRequest
from yrd.emergency.selectors import allocation as allocation_selectors
from yrd.emergency.selectors import requests as selectors

from .common import attempt, flash_form_errors

DESK_ACTIONS = (ALLOCATE, INCIDENTS, REQUEST)


def _desk_user(request):
    if not any(can(request.user, action) for action in DESK_ACTIONS):
        raise PermissionDenied(_("The emergency desk is for coordinators and incident site requesters."))


@login_required
def desk(request):
    _desk_user(request)
    rows = list(selectors.requests_in_scope(request.user).filter(status=SupplyRequest.Status.OPEN))
    states = selectors.line_states(rows)
    return render(
        request,
        "emergency/desk.html",
        {
            "incidents": selectors.incidents_visible_to(request.user).filter(closed_at__isnull=True),
            "requests": [(r, states.get(r.pk, []), selectors.late(r)) for r in rows],
            "runs": allocation_selectors.runs_visible_to(request.user)[:10],
            "in_flight": allocation_selectors.commitments_visible_to(request.user).filter(
                status__in=[Commitment.Status.COMMITTED, Commitment.Status.DISPATCHED]
            ),
            "run_scopes": allocation_selectors.jurisdictions_with(request.user, ALLOCATE),
            "incident_form": IncidentForm(initial={"started_at": timezone.localtime()})
            if can(request.user, INCIDENTS)
            else None,
            "may_request": can(request.user, REQUEST),
        },
    )


@login_required
@require_POST
def incident_open(request):
    form = IncidentForm(request.POST)
    if form.is_valid():
        incident = attempt(
            request,
            lambda: writes.incident_open(acting_user=request.user, **form.cleaned_data),
            _("Incident opened."),
        )
        if incident is not None:
            return redirect("emergency:desk")
    else:
        flash_form_errors(request, form)
    return redirect("emergency:desk")


@login_required
@require_POST
def incident_close(request, number):
    incident = get_object_or_404(selectors.incidents_visible_to(request.user), number=number)
    attempt(request, lambda: writes.incident_close(acting_user=request.user, incident=incident), _("Incident closed."))
    return redirect("emergency:desk")


@login_required
def request_new(request):
    if not can(request.user, REQUEST):
        raise PermissionDenied(_("Raising requests is for incident site requesters and coordinators."))
    incidents = selectors.incidents_visible_to(request.user).filter(closed_at__isnull=True)
    form = RequestForm(request.POST or None, incidents=incidents, initial={"priority": 1})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        raised = attempt(
            request,
            lambda: writes.request_raise(
                acting_user=request.user,
                data=writes.RequestInput(
                    priority=data["priority"],
                    needed_by=data["needed_by"],
                    needs=[writes.Need(row["item"], row["quantity"]) for row in form.rows()],
                    incident=data["incident"],
                    site=data["site"],
                    latitude=data["latitude"],
                    longitude=data["longitude"],
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    note=data["note"],
                ),
            ),
            _("Request raised."),
        )
        if raised is not None:
            return redirect("emergency:request", number=raised.number)
    return render(request, "emergency/request_new.html", {"form": form})


@login_required
def request_detail(request, number):
    found = get_object_or_404(selectors.requests_visible_to(request.user), number=number)
    return render(
        request,
        "emergency/request.html",
        {
            "request_": found,
            "states": selectors.line_states([found]).get(found.pk, []),
            "commitments": allocation_selectors.commitments_visible_to(request.user).filter(request=found),
            "may_cancel": found.status == SupplyRequest.Status.OPEN and can(request.user, REQUEST, found),
            "late": selectors.late(found),
            "cancel_form": ReasonForm(),
            "reschedule_form": RescheduleForm(
                initial={"needed_by": timezone.localtime() + timezone.timedelta(hours=12)}
            ),
        },
    )


@login_required
@require_POST
def request_cancel(request, number):
    found = get_object_or_404(selectors.requests_visible_to(request.user), number=number)
    form = ReasonForm(request.POST)
    reason = form.data.get("reason", "")
    attempt(
        request,
        lambda: writes.request_cancel(acting_user=request.user, request=found, reason=reason),
        _("Request cancelled."),
    )
    return redirect("emergency:request", number=number)


@login_required
@require_POST
def request_reschedule(request, number):
    found = get_object_or_404(selectors.requests_visible_to(request.user), number=number)
    form = RescheduleForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: writes.request_reschedule(acting_user=request.user, request=found, **form.cleaned_data),
            _("Needed-by time changed."),
        )
    else:
        flash_form_errors(request, form)
    return redirect("emergency:request", number=number)


@login_required
@require_POST
def run_create(request):
    code = request.POST.get("jurisdiction", "")
    jurisdiction = get_object_or_404(Jurisdiction, path=code)
    run = attempt(request, lambda: writes.allocation_run(acting_user=request.user, jurisdiction=jurisdiction))
    if run is None:
        return redirect("emergency:desk")
    return redirect("emergency:run", number=run.number)


@login_required
def run_detail(request, number):
    run = get_object_or_404(allocation_selectors.runs_visible_to(request.user), number=number)
    lines = run.lines.select_related("warehouse__city", "request_line__request__city", "request_line__item")
    shortfalls = run.shortfalls.select_related("request_line__request", "request_line__item")
    return render(
        request,
        "emergency/run.html",
        {
            "run": run,
            "lines": lines,
            "shortfalls": shortfalls,
            "may_decide": run.status == AllocationRun.Status.PROPOSED and can(request.user, ALLOCATE, run),
        },
    )


@login_required
@require_POST
def run_decide(request, number, decision):
    run = get_object_or_404(allocation_selectors.runs_visible_to(request.user), number=number)
    if decision == "confirm":
        attempt(request, lambda: writes.allocation_confirm(acting_user=request.user, run=run), _("Commitments made."))
    elif decision == "discard":
        attempt(request, lambda: writes.allocation_discard(acting_user=request.user, run=run), _("Run discarded."))
    return redirect("emergency:run", number=number)
