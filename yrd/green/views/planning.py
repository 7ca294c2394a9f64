"""Planning scenarios: saved with their inputs, run in the background with a progress display,
shown with charts (a week's dispatch stack, state of charge, duration curves) and compared side by
side."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.models import Jurisdiction
from yrd.green import charts, selectors, writes
from yrd.green.planning.bench_system import PROVINCES
from yrd.green.scenarios import default_inputs

from .common import run_write


@login_required
def scenarios(request):
    found = list(selectors.scenarios_visible_to(request.user))
    return render(request, "green/scenarios.html", {"scenarios": found, "provinces": PROVINCES})


@login_required
@require_POST
def scenario_new(request):
    nodes = [code for code in request.POST.getlist("nodes") if code in PROVINCES] or ["320000"]
    inputs = default_inputs(nodes)
    policy = request.POST.get("policy", "renewable_share")
    try:
        value = float(request.POST.get("policy_value", "0.4"))
    except ValueError:
        value = -1.0  # refused by the write with a message naming the policy
    inputs["policy"] = {policy if policy in ("renewable_share", "carbon_cap_t") else "renewable_share": value}
    region = Jurisdiction.objects.get(level="region")
    created = run_write(request, writes.scenario_create, _("Scenario saved."), name=request.POST.get("name", "")[:120],
                        jurisdiction=region, inputs=inputs)  # fmt: skip
    return redirect("green:scenario", pk=created.pk) if created else redirect("green:scenarios")


@login_required
def scenario(request, pk: int):
    found = get_object_or_404(selectors.scenarios_visible_to(request.user), pk=pk)
    context = {"scenario": found}
    if found.series:
        context.update(week_chart=charts.dispatch_week(found.series), soc_chart=charts.state_of_charge(found.series),
                       duration_chart=charts.duration_curves(found.series))  # fmt: skip
    return render(request, "green/scenario.html", context)


@login_required
def scenario_progress(request, pk: int):
    """The progress fragment the scenario page polls (htmx) while the solver works."""
    found = get_object_or_404(selectors.scenarios_visible_to(request.user), pk=pk)
    response = render(request, "green/_progress.html", {"scenario": found})
    if found.status in ("done", "failed"):
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def scenario_run(request, pk: int):
    found = get_object_or_404(selectors.scenarios_visible_to(request.user), pk=pk)
    run_write(request, writes.scenario_run, _("Solving in the background."), scenario=found)
    return redirect("green:scenario", pk=pk)


@login_required
def compare(request):
    ids = [int(i) for i in request.GET.getlist("id") if i.isdigit()][:4]
    found = list(selectors.scenarios_visible_to(request.user).filter(pk__in=ids, status="done"))
    return render(request, "green/compare.html", {"scenarios": found})
