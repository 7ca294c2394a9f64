"""Pages anyone may read: the overview (published figures, map of shared instruments, cooperation
projects by stage, the registry, exhibitions), the instrument catalogue and matchmaking."""

import uuid

from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction
from yrd.innovation import charts, stats
from yrd.innovation.apps import REGISTRY
from yrd.innovation.models import Centre, Instrument
from yrd.innovation.selectors import instruments as instrument_selectors
from yrd.innovation.selectors import matching as match_selectors
from yrd.innovation.selectors import registry as registry_selectors


def city_names() -> dict[str, str]:
    return {c.code: c.name for c in Jurisdiction.objects.filter(level="city")}


@public_cache
def overview(request):
    by_city = dict(Instrument.objects.values_list("city__code").annotate(n=Count("pk")))
    stages = stats.cooperation_by_stage()
    context = {
        "figures": {
            "instruments": stats.instruments_shared(),
            "cross": stats.vouchers_redeemed_cross_province(),
            "awards": stats.joint_fund_projects(),
            "cooperation": stats.cooperation_underway(),
            "consortia": stats.consortia(),
            "recognitions": stats.recognitions(),
        },
        "map_chart": charts.city_map(by_city, city_names(), _("Shared instruments")),
        "stage_chart": charts.stages_bar(stages),
        "stages": stages,
        "centres": registry_selectors.public_centres(),
        "projects": registry_selectors.public_cooperation(),
        "recognitions": registry_selectors.recognitions(),
        "experts": registry_selectors.public_experts(),
        "exhibitions": match_selectors.exhibitions(),
        "may_import": can(request.user, REGISTRY),
        "has_demo": Centre.objects.filter(is_demo=True).exists() or Instrument.objects.filter(is_demo=True).exists(),
    }
    return render(request, "innovation/overview.html", context)


@public_cache
def instruments(request):
    category, province = request.GET.get("category", "")[:14], request.GET.get("province", "")[:6]
    context = {
        "rows": instrument_selectors.public_instruments(category=category, province=province),
        "categories": Instrument.Category.choices,
        "provinces": Jurisdiction.objects.filter(level="province"),
        "category": category,
        "province": province,
        "firms": instrument_selectors.firms_of(request.user) if request.user.is_authenticated else [],
        "idempotency_key": uuid.uuid4().hex,
    }
    return render(request, "innovation/instruments.html", context)


def match(request):
    query = request.GET.get("q", "").strip()[:500]
    province, field = request.GET.get("province", "")[:6], request.GET.get("field", "")[:40]
    budget, error = None, ""
    if request.GET.get("budget"):
        try:
            budget = float(request.GET["budget"])
        except ValueError:
            error = _("The budget is a number of CNY.")
    results = match_selectors.match(query, province=province, field=field, budget=budget) if query and not error else []
    context = {
        "query": query,
        "province": province,
        "field": field,
        "budget": request.GET.get("budget", "")[:20],
        "error": error,
        "results": results,
        "refreshing": match_selectors.index_building(),
        "fields": match_selectors.fields(),
        "provinces": Jurisdiction.objects.filter(level="province"),
    }
    return render(request, "innovation/match.html", context)
