"""Keeping the data centres: a province official (or a regional planner) creates and edits the centres
of his jurisdiction, records their PUE by month, and imports both from XLSX/CSV. Every change goes
through `datacentre_save` / `pue_record`, which check the jurisdiction."""

from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.models import Jurisdiction
from yrd.core.tables import MAX_BYTES, MAX_ROWS
from yrd.core.tables.pages import run_uploaded_import
from yrd.industry import datacentre_io, writes
from yrd.industry.apps import DATACENTRE
from yrd.industry.datacentre_io import parse_month
from yrd.industry.models import DataCentre

from .common import refused, run_write

NUMBERS = ("racks", "it_power_mw", "utilisation", "green_share", "electricity_price")
REFUSED = _("This page is for industry officials and planners who keep the data centres of their jurisdiction.")


def _number(raw: str):
    try:
        value = Decimal(raw.strip())
    except (InvalidOperation, AttributeError):
        return None
    return value if value.is_finite() else None


def _form_input(post) -> tuple[writes.CentreInput | None, dict]:
    """The form as the write's input, or the fields that are not numbers (or cities) at all."""
    errors, numbers = {}, {}
    for name in NUMBERS:
        numbers[name] = _number(post.get(name, ""))
        if numbers[name] is None:
            errors[name] = [_("Expected a number.")]
    city = Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY, code=post.get("city", "")[:12]).first()
    if city is None:
        errors["city"] = [_("Choose one of the 41 cities.")]
    if errors:
        return None, errors
    data = writes.CentreInput(
        name_zh=post.get("name_zh", ""), name_en=post.get("name_en", ""), city=city,
        cluster=post.get("cluster", ""), **numbers,
    )  # fmt: skip
    return data, {}


def _cities(user) -> list[Jurisdiction]:
    return [c for c in Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY) if can(user, DATACENTRE, c)]


@login_required
def edit(request, pk: int | None = None):
    """New centre (no pk) or one centre's figures and its PUE by month."""
    centre = get_object_or_404(DataCentre.objects.select_related("city"), pk=pk) if pk else None
    if not can(request.user, DATACENTRE, centre):
        return refused(request, _("Data centre"), REFUSED)
    errors, status = {}, 200
    if request.method == "POST" and request.POST.get("action") == "pue" and centre is not None:
        month, pue = _month(request.POST.get("month", "")), _number(request.POST.get("pue", ""))
        errors = {
            **({"month": [_("Expected a month (YYYY-MM).")]} if month is None else {}),
            **({"pue": [_("Expected a number.")]} if pue is None else {}),
        }
        if not errors:
            if run_write(request, writes.pue_record, _("PUE recorded."), data_centre=centre, month=month, pue=pue):
                return redirect("industry:datacentre-edit", pk=centre.pk)
            errors = request.industry_errors
        status = 400
    elif request.method == "POST":
        data, errors = _form_input(request.POST)
        if data is not None:
            saved = run_write(request, writes.datacentre_save, _("Data centre saved."), data=data, centre=centre)
            if saved is not None:
                return redirect("industry:datacentre-edit", pk=saved.pk)
            errors = request.industry_errors
        status = 400
    context = {
        "centre": centre,
        "values": request.POST if request.method == "POST" else None,
        "errors": errors,
        "clusters": DataCentre.Cluster.choices,
        "cities": _cities(request.user),
        "readings": centre.pue_readings.all() if centre else [],
    }
    return render(request, "industry/datacentre_edit.html", context, status=status)


def _month(raw: str):
    try:
        return parse_month(raw)
    except Exception:  # noqa: BLE001 - any unreadable month is the same answer to the person
        return None


@login_required
def import_page(request):
    if not can(request.user, DATACENTRE):
        return refused(request, _("Import data centres"), REFUSED)
    kind = request.POST.get("kind") or request.GET.get("kind") or datacentre_io.KINDS[0]
    kind = kind if kind in datacentre_io.KINDS else datacentre_io.KINDS[0]
    result = None
    if request.method == "POST":
        result = run_uploaded_import(
            request,
            kind,
            lambda data, dry_run: datacentre_io.import_file(
                acting_user=request.user, kind=kind, data=data, dry_run=dry_run
            ),
        )
    context = {
        "kind": kind,
        "kinds": [(k, datacentre_io.KIND_NAMES[k], datacentre_io.COLUMNS[k]) for k in datacentre_io.KINDS],
        "result": result,
        "may_export": False,
        "max_mb": MAX_BYTES // 2**20,
        "max_rows": MAX_ROWS,
    }
    return render(request, "industry/datacentre_import.html", context, status=400 if result and result.errors else 200)
