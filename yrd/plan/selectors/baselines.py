"""Snapshots of tasks (what audits record and baselines freeze) and the comparison of the plan
today with a frozen baseline, limited to what the reader may see."""

from collections import defaultdict
from collections.abc import Callable

from django.db.models import QuerySet

from yrd.core.access import Scope, can
from yrd.core.models import Jurisdiction, Organisation
from yrd.plan.actors import Reader
from yrd.plan.apps import READ
from yrd.plan.models import Baseline, Plan, Task

TASK_FIELDS = (
    "code",
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "start",
    "end",
    "kpi_name_zh",
    "kpi_name_en",
    "kpi_target",
    "kpi_unit",
    "is_published",
    "stat",
)


def task_snapshot(task: Task) -> dict:
    """The comparable fields of a task, as JSON values (used by audits and baselines)."""
    values = {name: getattr(task, name) for name in TASK_FIELDS}
    values["area"] = task.area.number if task.area_id else None
    values["lead_jurisdictions"] = sorted(j.code for j in task.lead_jurisdictions.all())
    values["colead_jurisdictions"] = sorted(j.code for j in task.colead_jurisdictions.all())
    values["responsible_organisations"] = sorted(o.name_zh for o in task.responsible_organisations.all())
    for name in ("start", "end"):
        values[name] = values[name].isoformat() if values[name] else None
    if values["kpi_target"] is not None:
        values["kpi_target"] = str(values["kpi_target"])
    return values


def plan_snapshot(plan: Plan) -> dict[str, dict]:
    """{task code: snapshot} of every task of the plan, in a fixed number of queries."""
    tasks = (
        Task.objects.filter(plan=plan)
        .select_related("area")
        .prefetch_related("lead_jurisdictions", "colead_jurisdictions", "responsible_organisations")
    )
    return {task.code: task_snapshot(task) for task in tasks}


def baselines_of(plan: Plan) -> QuerySet[Baseline]:
    return Baseline.objects.filter(plan=plan).select_related("taken_by")


def baseline_compare(baseline: Baseline, plan: Plan) -> dict:
    """Tasks added, removed and changed (field: old, new) since the baseline."""
    now = plan_snapshot(plan)
    then = baseline.snapshot
    changed = {}
    for code in sorted(now.keys() & then.keys()):
        fields = {k: (then[code].get(k), v) for k, v in now[code].items() if then[code].get(k) != v}
        if fields:
            changed[code] = fields
    return {
        "added": sorted(now.keys() - then.keys()),
        "removed": sorted(then.keys() - now.keys()),
        "changed": changed,
    }


def _recorded_scopes(snapshots: list[dict]) -> Callable[[dict], Scope]:
    """A function giving the Scope a baseline recorded for a task: its leads and co-leads (a code
    naming both a province and a city, Shanghai's, is the wider province) and its organisations."""
    places = {}
    for jurisdiction in Jurisdiction.objects.all():
        known = places.get(jurisdiction.code)
        if known is None or len(jurisdiction.path) < len(known.path):
            places[jurisdiction.code] = jurisdiction
    names = {name for values in snapshots for name in values.get("responsible_organisations", [])}
    organisations = defaultdict(list)
    for organisation in Organisation.objects.filter(name_zh__in=names):
        organisations[organisation.name_zh].append(organisation)

    def scope(values: dict) -> Scope:
        codes = [*values.get("lead_jurisdictions", []), *values.get("colead_jurisdictions", [])]
        named = values.get("responsible_organisations", [])
        return Scope(
            tuple(places[code] for code in codes if code in places),
            tuple(o for name in named for o in organisations[name]),
        )

    return scope


def visible_comparison(user: Reader, comparison: dict, baseline: Baseline, visible_codes: set[str]) -> dict:
    """Keep only the rows of a baseline comparison about tasks the user may read. Tasks that still
    exist are judged as they are now; removed ones by the leads and organisations the baseline
    recorded for them."""
    removed_snapshots = [baseline.snapshot.get(code, {}) for code in comparison["removed"]]
    scope = _recorded_scopes(removed_snapshots) if removed_snapshots else None
    return {
        "added": [code for code in comparison["added"] if code in visible_codes],
        "removed": [
            code
            for code, values in zip(comparison["removed"], removed_snapshots, strict=True)
            if can(user, READ, scope(values))
        ],
        "changed": {code: v for code, v in comparison["changed"].items() if code in visible_codes},
    }
