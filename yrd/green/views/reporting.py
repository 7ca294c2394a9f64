"""Pages of a site's own people and its reviewers: my sites and the review queue, the period form
(enter, save, submit), review or return, and the CSV/XLSX import."""

from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from yrd.green import selectors, writes
from yrd.green.accounting import UNITS, Kind
from yrd.green.models import ReportingPeriod, Site
from yrd.green.writes import Entry, PeriodInput

from .common import run_write

DEFAULT_UNIT = {
    Kind.NATURAL_GAS: "10^4 Nm3",
    Kind.GRID_ELECTRICITY: "MWh",
    Kind.OWN_RENEWABLE_ELECTRICITY: "MWh",
    Kind.GREEN_CERTIFICATES: "MWh",
    Kind.PURCHASED_HEAT: "GJ",
}
KIND_LABELS = {
    Kind.NATURAL_GAS: gettext_lazy("Natural gas"),
    Kind.RAW_COAL: gettext_lazy("Raw coal"),
    Kind.COKE: gettext_lazy("Coke"),
    Kind.FUEL_OIL: gettext_lazy("Fuel oil"),
    Kind.GASOLINE: gettext_lazy("Gasoline"),
    Kind.KEROSENE: gettext_lazy("Kerosene"),
    Kind.DIESEL: gettext_lazy("Diesel"),
    Kind.LPG: gettext_lazy("Liquefied petroleum gas"),
    Kind.GRID_ELECTRICITY: gettext_lazy("Electricity bought from the grid"),
    Kind.OWN_RENEWABLE_ELECTRICITY: gettext_lazy("Own renewable electricity used on site"),
    Kind.GREEN_CERTIFICATES: gettext_lazy("Green certificates bought and cancelled"),
    Kind.PURCHASED_HEAT: gettext_lazy("Purchased heat and steam"),
}


@login_required
def my_sites(request):
    visible = list(selectors.sites_visible_to(request.user))
    queue = list(selectors.review_queue(request.user))
    return render(request, "green/my_sites.html", {"sites": visible, "queue": queue})


def readable(request, pk: int) -> Site:
    site = get_object_or_404(Site.objects.select_related("city__parent", "organisation", "park__organisation"), pk=pk)
    if not selectors.may_read(request.user, site):
        raise PermissionDenied(_("Only the site's own people and its reviewers see its data."))
    return site


def parse_form(request) -> tuple[PeriodInput | None, dict]:
    errors: dict[str, list[str]] = {}

    def number(name: str) -> Decimal | None:
        raw = request.POST.get(name, "").strip().replace(",", "")
        if not raw:
            return None
        try:
            return Decimal(raw)
        except InvalidOperation:
            errors[name] = [_("Enter a number.")]
            return None

    entries = []
    for kind in Kind:
        quantity = number(f"q_{kind.value}")
        if quantity is not None:
            entries.append(Entry(kind.value, quantity, request.POST.get(f"u_{kind.value}", "")[:20]))
    data = PeriodInput(
        year=int(request.POST.get("year") or 0),
        month=int(request.POST["month"]) if request.POST.get("month") else None,
        entries=entries,
        output_quantity=number("output_quantity"),
        value_added=number("value_added"),
    )
    return (None if errors else data), errors


def form_rows(period: ReportingPeriod | None, posted=None, row_errors=None) -> list[dict]:
    stored = {a.kind: a for a in period.activities.all()} if period else {}
    rows = []
    for kind in Kind:
        record = stored.get(kind.value)
        quantity = posted.get(f"q_{kind.value}", "") if posted else (record.quantity if record else "")
        unit = posted.get(f"u_{kind.value}") if posted else (record.unit if record else DEFAULT_UNIT.get(kind, "t"))
        errors = (row_errors or {}).get(kind.value, [])
        rows.append(
            {"kind": kind.value, "label": KIND_LABELS[kind], "quantity": quantity, "unit": unit, "errors": errors}
        )
    return rows


def split_errors(errors: dict, data: PeriodInput | None) -> tuple[dict, list]:
    """Engine errors name entries by position ('activities[2].unit'); the form shows them on the row of
    that entry's kind, and the rest (the period, output, value added) below the table."""
    by_kind: dict[str, list[str]] = {}
    other = []
    for key, messages in errors.items():
        if key.startswith("activities[") and data is not None:
            index = int(key[len("activities[") : key.index("]")])
            by_kind.setdefault(data.entries[index].kind, []).extend(messages)
        elif key.startswith("q_"):
            by_kind.setdefault(key[2:], []).extend(messages)
        elif key not in ("period", "activities"):
            other.append((KIND_LABELS.get(key, key), messages))
    return by_kind, other


@login_required
def period(request, pk: int, year: int, month: int | None = None):
    site = readable(request, pk)
    found = ReportingPeriod.objects.filter(site=site, year=year, month=month).first()
    posted, data, errors = None, None, {}
    if request.method == "POST":
        data, errors = parse_form(request)
        posted = request.POST
        if data and run_write(request, writes.period_save, _("Saved."), site=site, data=data):
            return redirect(request.path)
        errors = {**getattr(request, "green_errors", {}), **errors}
    row_errors, other_errors = split_errors(errors, data)
    may_report = selectors.may_report(request.user, site)
    context = {
        "site": site,
        "period": found,
        "year": year,
        "month": month,
        "rows": form_rows(found, posted, row_errors),
        "units": list(UNITS),
        "errors": errors,
        "other_errors": other_errors,
        "can_edit": may_report and (found is None or found.editable),
        "may_report": may_report,
        "may_review": selectors.may_review(request.user, site),
        "output_quantity": posted.get("output_quantity") if posted else (found.output_quantity if found else ""),
        "value_added": posted.get("value_added") if posted else (found.value_added if found else ""),
    }
    return render(request, "green/period.html", context)


@login_required
@require_POST
def period_act(request, pk: int, year: int, action: str, month: int | None = None):
    site = readable(request, pk)
    found = get_object_or_404(ReportingPeriod, site=site, year=year, month=month)
    note = request.POST.get("note", "")[:500]
    if action == "submit":
        run_write(request, writes.period_submit, _("Submitted for review."), period=found)
    elif action == "review":
        run_write(
            request,
            writes.period_review,
            _("Reviewed: the account is fixed with today's factors."),
            period=found,
            note=note,
        )
    elif action == "return":
        run_write(request, writes.period_return, _("Returned to the site for correction."), period=found, note=note)
    return redirect("green:site", pk=site.pk)


@login_required
@require_POST
def import_file(request, pk: int):
    site = readable(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        return redirect("green:site", pk=site.pk)
    saved = run_write(
        request, writes.period_import, _("Imported."), site=site, content=upload.read(), filename=upload.name
    )
    if saved is None:
        return render(request, "green/import_errors.html", {"site": site, "errors": request.green_errors}, status=400)
    return redirect("green:site", pk=site.pk)
