"""Baselines: freeze the plan as it stands, and compare the plan today with a frozen one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.plan import page_data, selectors, writes
from yrd.plan.forms import BaselineForm
from yrd.plan.models import Baseline
from yrd.plan.views.common import page, reader_page

FIELD_LABELS = {
    "code": gettext_lazy("Code"),
    "title_zh": gettext_lazy("Title (Chinese)"),
    "title_en": gettext_lazy("Title (English)"),
    "description_zh": gettext_lazy("Description (Chinese)"),
    "description_en": gettext_lazy("Description (English)"),
    "area": gettext_lazy("Area"),
    "start": gettext_lazy("Start"),
    "end": gettext_lazy("End"),
    "kpi_name_zh": gettext_lazy("KPI (Chinese)"),
    "kpi_name_en": gettext_lazy("KPI (English)"),
    "kpi_target": gettext_lazy("KPI target"),
    "kpi_unit": gettext_lazy("KPI unit"),
    "is_published": gettext_lazy("Published"),
    "stat": gettext_lazy("Live figure"),
    "lead_jurisdictions": gettext_lazy("Leads"),
    "colead_jurisdictions": gettext_lazy("Co-leads"),
    "responsible_organisations": gettext_lazy("Responsible organisations"),
}


def _shown(value):
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@reader_page
def baselines(request, plan):
    form = BaselineForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            baseline = writes.baseline_freeze(acting_user=request.user, plan=plan, name=form.cleaned_data["name"])
            messages.success(
                request,
                _("Baseline “%(name)s” frozen with %(count)s tasks.")
                % {"name": baseline.name, "count": len(baseline.snapshot)},
            )
            return redirect("plan:baseline", pk=baseline.pk)
    listed = [{"baseline": b, "tasks": len(b.snapshot)} for b in page_data.baselines(plan)]
    return page(
        request,
        "plan/baselines.html",
        {"plan": plan, "baselines": listed, "form": form},
        tab="baselines",
        status=400 if form.errors else 200,
    )


@reader_page(one_object=True)
def baseline_compare(request, plan, pk):
    baseline = get_object_or_404(Baseline.objects.select_related("taken_by"), pk=pk, plan=plan)
    readable = selectors.visible_tasks(request.user, plan).select_related("area")
    visible = {t.code: t for t in readable}
    comparison = page_data.visible_comparison(
        request.user, selectors.baseline_compare(baseline, plan), baseline, set(visible)
    )
    changed = [
        {
            "code": code,
            "task": visible.get(code),
            "fields": [
                {"name": FIELD_LABELS.get(name, name), "old": _shown(old), "new": _shown(new)}
                for name, (old, new) in fields.items()
            ],
        }
        for code, fields in comparison["changed"].items()
    ]
    removed = [{"code": code, "values": baseline.snapshot.get(code, {})} for code in comparison["removed"]]
    return page(
        request,
        "plan/baseline.html",
        {
            "plan": plan,
            "baseline": baseline,
            "changed": changed,
            "removed": removed,
            "added": [visible[code] for code in comparison["added"]],
        },
        tab="baselines",
    )
