"""Data centres of the two clusters and the region (public figures, PUE against the national target,
and compute placement for planners), and the metropolitan areas' specialisation (public)."""

from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.caching import public_cache
from yrd.core.tables import MAX_BYTES, MAX_ROWS
from yrd.core.tables.pages import run_uploaded_import
from yrd.industry import charts, metro_io, placement_runs
from yrd.industry.analysis import specialisation
from yrd.industry.analysis.placement import LATENCY_KM, PlacementError
from yrd.industry.apps import DATACENTRE, PLACE, REFERENCE
from yrd.industry.models import CooperationProject, DataCentre, IndustryIndicator, MetroArea, PueReading
from yrd.industry.reference import targets

from .common import city_names, refused


@public_cache
def datacentres(request):
    target = targets()["hub_cluster_pue_max"]
    centres = list(DataCentre.objects.select_related("city"))
    series = defaultdict(dict)
    for reading in PueReading.objects.select_related("data_centre"):
        series[reading.data_centre.name][reading.month.strftime("%Y-%m")] = float(reading.pue)
    context = {
        "centres": centres,
        "target": target,
        "pue_chart": charts.pue_lines(dict(series), float(target[0])),
        "may_place": can(request.user, PLACE),
        "may_keep": can(request.user, DATACENTRE),
        "editable": {d.pk for d in centres if can(request.user, DATACENTRE, d)},
        "map_chart": charts.city_map(_mw_by_city(centres), city_names(), _("IT power (MW)")),
        "latencies": list(LATENCY_KM),
        "cities": city_names(),
    }
    if request.method == "POST" and context["may_place"]:
        try:
            context["placement"] = placement_runs.run_from_form(request.POST)
        except PlacementError as error:
            context["placement_error"] = str(error)
    return render(request, "industry/datacentres.html", context)


def _mw_by_city(centres) -> dict:
    totals = defaultdict(float)
    for centre in centres:
        totals[centre.city.code] += float(centre.it_power_mw)
    return dict(totals)


@login_required
def metro_import(request):
    if not can(request.user, REFERENCE):
        return refused(request, _("Import industry statistics"), _("This page is for industry and compute planners."))
    result = None
    if request.method == "POST":
        result = run_uploaded_import(
            request,
            "indicators",
            lambda data, dry_run: metro_io.import_file(acting_user=request.user, data=data, dry_run=dry_run),
        )
    context = {
        "kind": "indicators",
        "kinds": [("indicators", metro_io.KIND_NAMES["indicators"], metro_io.COLUMNS)],
        "result": result,
        "may_export": False,
        "max_mb": MAX_BYTES // 2**20,
        "max_rows": MAX_ROWS,
    }
    return render(request, "industry/metro_import.html", context, status=400 if result and result.errors else 200)


def _pairs(areas, labels, matrix, names) -> list:
    """Per metropolitan area, its two member cities most alike (they compete) and least alike (they
    complement each other)."""
    where = {code: i for i, code in enumerate(labels)}
    found = []
    for area in areas:
        members = [c.code for c in area.cities.all() if c.code in where]
        pairs = sorted(
            (matrix[where[a]][where[b]], names[a], names[b]) for i, a in enumerate(members) for b in members[i + 1 :]
        )
        if pairs:
            found.append((area, pairs[-1], pairs[0]))
    return found


@public_cache
def metro(request):
    names = city_names()
    year = IndustryIndicator.objects.order_by("-year").values_list("year", flat=True).first()
    table = defaultdict(dict)
    for city, industry, value in IndustryIndicator.objects.filter(year=year).values_list(
        "city__code", "industry", "value"
    ):
        table[city][industry] = float(value)
    areas = MetroArea.objects.prefetch_related("cities", "projects__cities")
    context = {"areas": areas, "year": year, "has_data": bool(table), "may_import": can(request.user, REFERENCE)}
    if table:
        quotients = specialisation.location_quotients(dict(table))
        industries = sorted(specialisation.regional_totals(dict(table)))
        cities = sorted(table)
        lq_values = [
            [i, r, round(quotients[c][ind], 2)] for r, c in enumerate(cities) for i, ind in enumerate(industries)
        ]
        labels, matrix = specialisation.similarity_matrix(dict(table))
        similar = [[i, r, round(matrix[r][i], 2)] for r in range(len(labels)) for i in range(len(labels))]
        index = specialisation.specialisation_index(dict(table))
        context.update(
            lq_chart=charts.heatmap([names[c] for c in cities], industries, lq_values, _("Location quotient"), 0, 3),
            similarity_chart=charts.heatmap(
                [names[c] for c in labels], [names[c] for c in labels], similar, _("Structural similarity"), 0, 1
            ),  # fmt: skip
            index=sorted(((names[c], v) for c, v in index.items()), key=lambda p: -p[1]),
            map_chart=charts.city_map({c: round(v, 3) for c, v in index.items()}, names, _("Specialisation index")),
            pairs=_pairs(areas, labels, matrix, names),
        )
    context["projects"] = CooperationProject.objects.select_related("metro_area").prefetch_related("cities")
    return render(request, "industry/metro.html", context)
