"""Commitments (dispatch, receipt, cancel, as the workflow table allows), readiness per city on a map
and in charts, and what-if drills."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.translation import wants_chinese
from yrd.emergency import charts, workflow, writes
from yrd.emergency.apps import ALLIANCE, ALLOCATE
from yrd.emergency.forms import DispatchForm, DrillForm, ReadinessForm, ReasonForm
from yrd.emergency.models import AllocationShortfall, CommitmentPick, Item
from yrd.emergency.selectors.allocation import commitments_visible_to, drills_visible_to, jurisdictions_with
from yrd.emergency.selectors.readiness import core_items, region_readiness
from yrd.emergency.travel import TravelTimesUnavailable
from yrd.emergency.writes.commitments import load_weight

from .common import attempt, flash_form_errors, optional_date, whole_number


@login_required
def commitment(request, number):
    found = get_object_or_404(commitments_visible_to(request.user), number=number)
    lines = found.lines.select_related("request_line__item").prefetch_related("picks__lot__item")
    weight, unknown = load_weight(CommitmentPick.objects.filter(line__commitment=found).select_related("lot__item"))
    return render(
        request,
        "emergency/commitment.html",
        {
            "commitment": found,
            "lines": lines,
            "allowed": workflow.allowed_transitions(request.user, found),
            "labels": workflow.LABELS,
            "dispatch_form": DispatchForm(initial={"tonnes": weight if not unknown else None}),
            "unknown_weight": unknown,
            "cancel_form": ReasonForm(),
            "transactions": found.transactions.all(),
        },
    )


@login_required
@require_POST
def commitment_act(request, number, action):
    found = get_object_or_404(commitments_visible_to(request.user), number=number)
    if action == "dispatch":
        form = DispatchForm(request.POST)
        if not form.is_valid():
            flash_form_errors(request, form)
            return redirect("emergency:commitment", number=number)
        attempt(
            request,
            lambda: writes.commitment_dispatch(
                acting_user=request.user,
                commitment=found,
                tonnes=form.cleaned_data["tonnes"],
                shipment=form.cleaned_data["shipment"],
                idempotency_key=request.POST.get("idempotency_key") or None,
            ),
            _("Dispatched: the stock has left the warehouse."),
        )
    elif action == "receive":
        attempt(request, lambda: _receive(request, found), _("Receipt confirmed."))
    elif action == "cancel":
        reason = request.POST.get("reason", "")
        attempt(request, lambda: writes.commitment_cancel(acting_user=request.user, commitment=found, reason=reason))
    return redirect("emergency:commitment", number=number)


def _receive(request, found):
    arrivals = []
    for pick in CommitmentPick.objects.filter(line__commitment=found).select_related("lot__item"):
        label = f"{pick.lot.item.name} {pick.lot.number}"
        arrivals.append(
            writes.Arrival(
                pick,
                whole_number(request.POST.get(f"received_{pick.pk}", ""), label),
                whole_number(request.POST.get(f"damaged_{pick.pk}", ""), label, default=0),
                request.POST.get(f"lot_{pick.pk}", "")[:40],
                optional_date(request.POST.get(f"expires_{pick.pk}", ""), label),
            )
        )
    return writes.commitment_receive(
        acting_user=request.user, commitment=found, arrivals=arrivals, note=request.POST.get("note", "")[:500]
    )


@login_required
def readiness(request):
    if not can(request.user, ALLIANCE):
        raise PermissionDenied(_("Readiness is for the members of the alliance."))
    form = ReadinessForm(request.GET or None)
    hours = form.cleaned_data["hours"] if form.is_valid() else 12
    core = core_items()
    chosen = (form.cleaned_data.get("item") if form.is_valid() else None) or Item.objects.filter(code__in=core).first()
    context = {"form": form, "hours": hours, "core": Item.objects.filter(code__in=core), "chosen": chosen}
    try:
        result = region_readiness(hours)
    except TravelTimesUnavailable as problem:
        return render(request, "emergency/readiness.html", context | {"problem": problem.message})
    coverage = result.coverage(core)
    return render(
        request,
        "emergency/readiness.html",
        context
        | {
            "rows": result.cities,
            "table": [
                (row, [(row.quantity.get(code, 0), row.per_10k.get(code)) for code in core]) for row in result.cities
            ],
            "coverage": coverage,
            "share": None if coverage.share is None else round(100 * coverage.share, 1),
            "map_chart": charts.readiness_map(result.cities, core),
            "bar_chart": charts.per_10k_bars(result.cities, chosen.code, chosen.name) if chosen else None,
            "unknown_population": [r.city for r in result.cities if r.city.population is None],
        },
    )


@login_required
def drills(request):
    if not can(request.user, ALLOCATE):
        raise PermissionDenied(_("Drills are run by coordinators."))
    form = DrillForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            drill = attempt(request, lambda: _drill(request, form))
            if drill is not None:
                return redirect("emergency:drill", number=drill.number)
        else:
            flash_form_errors(request, form)
    return render(
        request,
        "emergency/drills.html",
        {
            "form": form,
            "drills": drills_visible_to(request.user)[:20],
            "scopes": jurisdictions_with(request.user, ALLOCATE),
        },
    )


def _drill(request, form):
    scopes = jurisdictions_with(request.user, ALLOCATE)
    scope = next((j for j in scopes if j.path == request.POST.get("jurisdiction")), scopes[0] if scopes else None)
    if scope is None:
        raise PermissionDenied(_("Drills are run by coordinators."))
    return writes.drill_run(
        acting_user=request.user,
        jurisdiction=scope,
        scenario=writes.Scenario(
            name=form.cleaned_data["name"],
            displaced=form.displaced(),
            days=form.cleaned_data["days"],
            within_hours=form.cleaned_data["within_hours"],
            priority=form.cleaned_data["priority"],
        ),
    )


@login_required
def drill(request, number):
    found = get_object_or_404(drills_visible_to(request.user), number=number)
    items = {item.code: item for item in Item.objects.all()}
    causes = dict(AllocationShortfall.Cause.choices)
    cities = [
        {
            "name": city["name_zh"] if wants_chinese() else city["name_en"],
            "displaced": city["displaced"],
            "rows": [
                {
                    "item": items.get(row["item"]),
                    "code": row["item"],
                    "needed": row["needed"],
                    "allocated": row["allocated"],
                    "short": row["needed"] - row["allocated"],
                    "why": causes.get(row["cause"], ""),
                }
                for row in city["items"]
            ],
        }
        for city in found.result["cities"].values()
    ]
    sources = [(s["warehouse"], items.get(s["item"]), s["item"], s["quantity"]) for s in found.result["sources"]]
    return render(request, "emergency/drill.html", {"drill": found, "cities": cities, "sources": sources})
