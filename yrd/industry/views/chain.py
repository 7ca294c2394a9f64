"""Pages of the NEV chain: the public overview (enterprises per city on a map, concentration by
province), the chain graph (detail where the reader may see it, aggregates elsewhere), the
weak-point and disruption reports for officials and enterprises, saved scenarios, and the import."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.caching import cached, cached_for, public_cache
from yrd.core.models import Jurisdiction
from yrd.core.tables import MAX_BYTES, MAX_ROWS
from yrd.core.tables.pages import run_uploaded_import
from yrd.industry import charts, selectors, writes
from yrd.industry.analysis.disruption import HORIZON_DAYS, Analyser, survival_by_oem
from yrd.industry.apps import ANALYSE, MAINTAIN, REVIEW
from yrd.industry.chain_io import COLUMNS, KIND_NAMES, KINDS, import_file
from yrd.industry.models import Component, Enterprise

from .common import city_names, refused, run_write

DAY_CHOICES = (7, 14, 30, 60)


@public_cache
def overview(request):
    names = city_names()
    by_city = selectors.enterprises_by_city()
    hhi = selectors.hhi_table()
    components = {c.code: c for c in Component.objects.all()}
    context = {
        "count": sum(by_city.values()),
        "map_chart": charts.city_map(by_city, names, _("Enterprises")),
        "hhi": [(components.get(code), value, shares) for code, value, shares in hhi],
        "hhi_chart": charts.bars(
            [str(components.get(c, c)) for c, _v, _s in hhi], [round(v) for _c, v, _s in hhi], "HHI"
        ),
        "has_demo": Enterprise.objects.filter(is_demo=True).exists(),
        "enterprises": selectors.public_enterprises()[:200],
    }
    return render(request, "industry/overview.html", context)


def graph(request):
    component = request.GET.get("component", "")[:40]
    province = request.GET.get("province", "")[:6]
    data = selectors.chain_graph(request.user, component=component, province=province)
    context = {
        "chart": charts.chain_graph(data),
        "graph": data,
        "component": component,
        "province": province,
        "components": Component.objects.all(),
        "provinces": Jurisdiction.objects.filter(level="province"),
        "detailed": any(n["category"] != "city" for n in data["nodes"]),
    }
    return render(request, "industry/graph.html", context)


def _may_analyse(user) -> bool:
    return any(can(user, action) for action in (REVIEW, ANALYSE, MAINTAIN))


@login_required
def weak_points(request):
    if not _may_analyse(request.user):
        return refused(
            request, _("Weak points"), _("This page is for enterprises on the chain and industry officials.")
        )
    found = selectors.weak_points(request.user)
    names = city_names()
    context = {**found, "city_names": names}
    return render(request, "industry/weak_points.html", context)


@login_required
def disruption(request):
    if not can(request.user, ANALYSE):
        return refused(request, _("Disruption analysis"), _("This page is for industry officials and planners."))
    try:
        days = int(request.GET.get("days", 14))
    except ValueError:
        days = 14
    days = days if days in DAY_CHOICES else 14
    scope = selectors.analysis_scope(request.user)
    if request.method == "POST" and scope is not None:
        cities = list(Jurisdiction.objects.filter(level="city", code__in=request.POST.getlist("cities")))
        saved = run_write(
            request,
            writes.scenario_save,
            _("Scenario saved."),
            name=request.POST.get("name", ""),
            days=int(request.POST.get("days") or 0) if (request.POST.get("days") or "").isdigit() else 0,
            jurisdiction=scope,
            cities=cities,
            enterprises=list(
                selectors.enterprises_in_detail(request.user).filter(
                    pk__in=[p for p in request.POST.getlist("enterprises") if p.isdigit()]
                )
            ),
        )
        if saved:
            return redirect("industry:scenario", saved.pk)
    names = city_names()
    firms = {e.pk: e for e in selectors.enterprises_in_detail(request.user)}
    reads = ("industry",)
    cities = cached(f"industry:city-ranking:{days}", lambda: _city_ranking(days), reads=reads)
    ranking = cached_for(
        request.user, f"industry:supplier-ranking:{days}", lambda: _supplier_ranking(days, firms), reads=reads
    )
    survival_city = request.GET.get("city", "")[:12] or (cities[0][0] if cities else "")
    survival = cached(f"industry:survival:{survival_city}:{days}", lambda: _city_survival(survival_city), reads=reads)
    visible = selectors.detail_ids(request.user)
    oems = Enterprise.objects.select_related("organisation", "city").in_bulk([oem for oem, _d in survival])
    context = {
        "days": days,
        "day_choices": DAY_CHOICES,
        "survival_city": survival_city,
        "survival": [(oems[o] if o in visible else None, oems[o].city.name, d) for o, d in survival if o in oems],
        "ranked_cities": [(c, names.get(c, c)) for c, _loss in cities],
        "ranking": [(firms[f], loss) for f, loss in ranking[:20]],
        "cities": [(names.get(c, c), loss) for c, loss in cities],
        "city_chart": charts.bars(
            [names.get(c, c) for c, _l in cities[:15]],
            [round(v, 1) for _c, v in cities[:15]],
            _("Vehicles lost"),
            _("vehicles"),
        ),  # fmt: skip
        "scenarios": selectors.scenarios_visible_to(request.user)[:30],
        "all_cities": Jurisdiction.objects.filter(level="city"),
        "enterprises": list(firms.values()),
        "may_save": scope is not None,
        "errors": getattr(request, "industry_errors", {}),
    }
    return render(request, "industry/disruption.html", context)


def _city_ranking(days: int) -> list:
    chain = selectors.chain_from_db()
    return Analyser(chain, days).rank_cities() if chain.firms else []


def _city_survival(city: str) -> list[tuple[int, float]]:
    """(OEM, days it keeps its plan) for each OEM a stop of every enterprise of `city` reaches,
    shortest first."""
    chain = selectors.chain_from_db()
    stopped = [f.id for f in chain.firms.values() if f.city == city]
    found = survival_by_oem(chain, stopped) if stopped else {}
    return sorted(found.items(), key=lambda pair: (pair[1], pair[0]))


def _supplier_ranking(days: int, firms: dict) -> list:
    chain = selectors.chain_from_db()
    suppliers = [f for f in firms if f in chain.firms and chain.firms[f].tier != "oem"]
    return Analyser(chain, days).rank_firms(suppliers) if suppliers else []


@login_required
def scenario(request, pk: int):
    found = get_object_or_404(selectors.scenarios_visible_to(request.user), pk=pk)
    lost = found.result.get("lost_by_oem", {})
    survival = found.result.get("time_to_survive_by_oem", {})
    keys = sorted(set(lost) | set(survival), key=lambda k: (survival.get(k, HORIZON_DAYS), k))
    oems = Enterprise.objects.select_related("organisation").in_bulk([int(k) for k in keys])
    visible = selectors.detail_ids(request.user)
    rows = [
        (oems[int(k)] if int(k) in visible else None, lost.get(k, 0.0), survival.get(k)) for k in keys if int(k) in oems
    ]
    others = [s for s in selectors.scenarios_visible_to(request.user).exclude(pk=pk)[:10]]
    return render(request, "industry/scenario.html", {"scenario": found, "rows": rows, "others": others})


@login_required
def import_page(request):
    if not (can(request.user, MAINTAIN) or can(request.user, REVIEW)):
        return refused(
            request, _("Import the chain"), _("This page is for enterprises on the chain and industry officials.")
        )
    kind = request.POST.get("kind") or request.GET.get("kind") or KINDS[0]
    kind = kind if kind in KINDS else KINDS[0]
    result = None
    if request.method == "POST":
        result = run_uploaded_import(
            request,
            kind,
            lambda data, dry_run: import_file(acting_user=request.user, kind=kind, data=data, dry_run=dry_run),
        )
    context = {
        "kind": kind,
        "kinds": [(k, KIND_NAMES[k], COLUMNS[k]) for k in KINDS],
        "result": result,
        "may_export": False,
        "max_mb": MAX_BYTES // 2**20,
        "max_rows": MAX_ROWS,
        "components": Component.objects.all(),
    }
    return render(request, "industry/import.html", context, status=400 if result and result.errors else 200)


@login_required
def relations(request):
    """The relations the reader keeps or reviews, in detail; officials review them here."""
    if not (can(request.user, MAINTAIN) or can(request.user, REVIEW)):
        return refused(
            request, _("Supply relations"), _("This page is for enterprises on the chain and industry officials.")
        )
    if request.method == "POST":
        found = selectors.relations_in_detail(request.user).filter(pk=request.POST.get("relation") or 0).first()
        if found is not None:
            run_write(request, writes.relation_review, _("Relation marked as reviewed."), relation=found)
        return redirect("industry:relations")
    shown = selectors.relations_in_detail(request.user)
    context = {
        "relations": [(r, selectors.may_review(request.user, r)) for r in shown[:500]],
        "capacities": selectors.capacities_in_detail(request.user)[:500],
    }
    return render(request, "industry/relations.html", context)
