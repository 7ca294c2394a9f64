"""The route planner: the form, the routes found side by side, the Pareto front, the network and the
chosen route on the map, and booking a route as a shipment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction, Organisation
from yrd.transport import charts, selectors, writes
from yrd.transport.apps import PLAN
from yrd.transport.forms import BookForm, PlannerForm
from yrd.transport.inputs import PlanInput

from .common import city_points, errors_onto, forbidden, new_key

REFUSED = _("Planning routes needs the role of logistics planner.")


@login_required
def planner(request):
    if not can(request.user, PLAN):
        return forbidden(request, REFUSED)
    form = PlannerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            query = writes.route_plan(acting_user=request.user, request=_plan_input(data))
        except ValidationError as error:
            errors_onto(form, error)
        else:
            return redirect("transport:route", number=query.number)
    recent = selectors.route_queries_visible_to(request.user)[:10]
    return render(request, "transport/planner.html", {"form": form, "recent": recent})


def _plan_input(data) -> PlanInput:
    return PlanInput(
        origin=data["origin"],
        destination=data["destination"],
        tonnes=float(data["tonnes"]) if data["tonnes"] is not None else None,
        teu=float(data["teu"]) if data["teu"] is not None else None,
        dangerous_goods=data["dangerous_goods"],
        modes=tuple(data["modes"]),
        departure=data["departure"],
        deadline=data["deadline"],
        objective=data["objective"],
    )


@login_required
def route_query(request, number):
    try:
        query = selectors.route_query_visible_to(request.user, number)
    except ObjectDoesNotExist:
        raise Http404 from None
    chosen = _chosen(request, query)
    cities = Jurisdiction.objects.filter(level="city")
    route = query.routes[chosen]
    context = {
        "query": query,
        "chosen": chosen,
        "route": route,
        "pareto_chart": charts.pareto(query.routes, chosen),
        "map_chart": charts.network_map(selectors.hubs_public(), selectors.links_public(), city_points(cities), route),
        "can_book": can(request.user, PLAN, query),
        "book_form": BookForm(initial={"route_index": chosen, "idempotency_key": new_key()}, carriers=_carriers()),
        "mode_labels": charts.mode_labels(),
    }
    return render(request, "transport/route.html", context)


def _chosen(request, query) -> int:
    try:
        index = int(request.GET.get("route", ""))
    except ValueError:
        index = next((i for i, r in enumerate(query.routes) if "cheapest" in r["best_for"]), 0)
    return index if 0 <= index < len(query.routes) else 0


def _carriers():
    return Organisation.objects.filter(kind__in=[Organisation.Kind.ENTERPRISE, Organisation.Kind.OPERATOR])


@login_required
@require_POST
def book(request, number):
    try:
        query = selectors.route_query_visible_to(request.user, number)
    except ObjectDoesNotExist:
        raise Http404 from None
    form = BookForm(request.POST, carriers=_carriers())
    if not form.is_valid():
        messages.error(request, _("The booking form was incomplete; try again."))
        return redirect("transport:route", number=number)
    data = form.cleaned_data
    try:
        shipment = writes.shipment_book(
            acting_user=request.user,
            route_query=query,
            route_index=data["route_index"],
            carrier=data["carrier"],
            external_reference=data["external_reference"],
            idempotency_key=data["idempotency_key"],
        )
    except (ValidationError, PermissionDenied, Conflict) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("transport:route", number=number)
    messages.success(request, _("Shipment %(reference)s booked.") % {"reference": shipment.reference})
    return redirect("transport:shipment", reference=shipment.reference)
