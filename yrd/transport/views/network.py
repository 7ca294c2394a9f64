"""The network page: every parameter routes are computed with, each with its source (assumptions marked as
such), the network for download as CSV or GeoJSON, and, for network administrators, an upload that
imports hubs or links all or nothing and names every bad row."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.transport import selectors, writes
from yrd.transport.apps import NETWORK
from yrd.transport.forms import NetworkImportForm
from yrd.transport.models import HubKind, Mode
from yrd.transport.routing.parameters import is_assumed

from .common import forbidden

REFUSED = _("Importing a network needs the role of transport network administrator.")


def network(request):
    manager = request.user.is_authenticated and can(request.user, NETWORK)
    form, row_errors = None, []
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not manager:
            return forbidden(request, REFUSED)
        form = NetworkImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                counts = writes.network_import(
                    acting_user=request.user, kind=data["kind"], fmt=data["format"], text=data["file"]
                )
            except ValidationError as error:
                row_errors = _messages(error)
            else:
                messages.success(
                    request,
                    _("Imported %(rows)d rows: %(created)d added, %(updated)d updated.") % counts,
                )
                return redirect("transport:network")
    elif manager:
        form = NetworkImportForm()
    planner, version = selectors.current_planner()
    context = {
        "form": form,
        "row_errors": row_errors,
        "version": version,
        "modes": _mode_rows(planner.network.parameters),
        "hub_kinds": _hub_kind_rows(planner.network.parameters),
        "settings": _setting_rows(planner.network.parameters),
        "hub_count": selectors.hubs_public().count(),
        "link_count": selectors.links_public().count(),
    }
    return render(request, "transport/network.html", context)


def _messages(error: ValidationError) -> list[str]:
    found = getattr(error, "message_dict", {"file": error.messages})
    return [message for messages_ in found.values() for message in messages_]


def _cell(sourced, unit: str) -> dict:
    return {"value": sourced.value, "unit": unit, "source": sourced.source, "assumed": is_assumed(sourced.source)}


def _mode_rows(parameters) -> list[dict]:
    return [
        {
            "mode": Mode(str(mode)).label,
            "cells": [
                _cell(p.speed_kmh, "km/h"),
                _cell(p.cost_per_tkm, _("CNY per tonne-km")),
                _cell(p.co2_kg_per_tkm, _("kg CO2e per tonne-km")),
            ],
            "dangerous_goods": p.carries_dangerous_goods,
            "max_tonnes": p.max_tonnes,
        }
        for mode, p in parameters.modes.items()
    ]


def _hub_kind_rows(parameters) -> list[dict]:
    return [
        {
            "kind": HubKind(kind).label if kind in HubKind.values else kind,
            "cells": [_cell(h.transfer_hours, _("hours")), _cell(h.transfer_cost_per_tonne, _("CNY per tonne"))],
            "dangerous_goods": h.handles_dangerous_goods,
        }
        for kind, h in parameters.hub_kinds.items()
    ]


def _setting_rows(parameters) -> list[tuple[str, dict]]:
    return [
        (_("Road circuity of access legs"), _cell(parameters.road_circuity, "×")),
        (_("Tonnes per TEU"), _cell(parameters.tonnes_per_teu, "t")),
    ]
