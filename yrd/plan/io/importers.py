"""Import a file of tasks, milestones or reports: all rows or none (yrd.core.tables.importing runs
it; this file says what each kind's rows mean). Rows are written through yrd.plan.writes; rows equal
to what is stored are left alone, so a file exported and imported again changes nothing.
"""

from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.models import Jurisdiction
from yrd.core.tables import RowError, normalize_text
from yrd.core.tables.importing import Importer, ImportResult, Step, run_import
from yrd.plan import writes
from yrd.plan.apps import MANAGE, READ, SUBMIT
from yrd.plan.io.columns import COLUMNS
from yrd.plan.models import Milestone, ProgressReport, Task
from yrd.plan.selectors import areas, current_plan

TASK_TEXT_FIELDS = (
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "kpi_name_zh",
    "kpi_name_en",
    "kpi_unit",
)
KEY_COLUMNS = {
    "tasks": ("code",),
    "milestones": ("task_code", "title_zh"),
    "reports": ("task_code", "period_start", "period_end"),
}
KIND_ACTIONS = {"tasks": MANAGE, "milestones": MANAGE, "reports": SUBMIT}


def may_import(user, kind):
    return can(user, KIND_ACTIONS[kind])


KIND_NAMES = {
    "tasks": lambda: _("tasks"),
    "milestones": lambda: _("milestones"),
    "reports": lambda: _("progress reports"),
}


def import_file(*, acting_user, kind, data, plan=None, dry_run=False, progress=None) -> ImportResult:
    """Check and (unless dry_run or any error) write the rows of `data` (bytes of XLSX or CSV).
    `progress(done, total)` is called as rows are written."""
    result = ImportResult(kind=kind, dry_run=dry_run)
    plan = plan or current_plan()
    if plan is None:
        result.errors.append(RowError(None, "", _("No plan is loaded yet.")))
        return result
    importer = IMPORTERS[kind](acting_user, plan, result.errors)
    kinds = {name: (KIND_NAMES[name](), COLUMNS[name]) for name in COLUMNS}
    return run_import(importer, data, result, other_kinds=kinds, progress=progress)


class PlanImporter(Importer):
    """A kind of plan table: its columns and the plan it goes into."""

    def __init__(self, acting_user, plan, errors):
        super().__init__(acting_user, errors)
        self.plan = plan
        self.columns = COLUMNS[self.kind]
        self.key_columns = KEY_COLUMNS[self.kind]

    def readable_tasks(self, codes):
        """{code: task} of the plan's tasks with these codes that the user may read."""
        tasks = Task.objects.filter(plan=self.plan, code__in=set(codes)).prefetch_related(
            "lead_jurisdictions", "colead_jurisdictions", "responsible_organisations"
        )
        return {task.code: task for task in tasks if can(self.user, READ, task)}

    def no_task(self, number, code):
        self.problem(number, "task_code", _("There is no task %(code)s that you may see."), code=code)


class TaskImporter(PlanImporter):
    kind = "tasks"
    field_columns = {
        "is_published": "published",
        "lead_jurisdictions": "lead",
        "colead_jurisdictions": "colead",
        "area_assignment": "area",
    }

    def prepare(self, rows):
        existing = Task.objects.filter(plan=self.plan, code__in={v["code"] for _n, v in rows})
        existing = {
            t.code: t
            for t in existing.select_related("area").prefetch_related(
                "lead_jurisdictions", "colead_jurisdictions", "responsible_organisations"
            )
        }
        self.areas = {area.number: area for area in areas(self.plan)}
        self.jurisdictions = {}
        for j in Jurisdiction.objects.exclude(level=Jurisdiction.Level.REGION).order_by("path"):
            self.jurisdictions.setdefault(j.code, j)  # a bare 310000 is Shanghai the province
        self.region = Jurisdiction.objects.filter(level=Jurisdiction.Level.REGION).first()
        steps, seen = [], {}
        for number, values in rows:
            if self.first_seen(seen, values["code"], number, "code"):
                steps.append(self._step(number, values, existing.get(values["code"])))
        return [step for step in steps if step is not None]

    def _step(self, number, values, task):
        before = len(self.errors)
        area = self._area(number, values["area"])
        leads = self._jurisdictions(number, "lead", values["lead"])
        coleads = self._jurisdictions(number, "colead", values["colead"])
        for code in set(values["lead"]) & set(values["colead"]):
            self.problem(number, "colead", _("%(code)s is already a lead."), code=code)
        if values["start"] and values["end"] and values["end"] < values["start"]:
            self.problem(number, "end", _("The end date is before the start date."))
        fields = {name: values[name] for name in TASK_TEXT_FIELDS}
        fields.update(
            start=values["start"],
            end=values["end"],
            kpi_target=values["kpi_target"],
            is_published=values["published"],
            area=area,
        )
        if task is None:
            step = self._create(number, values["code"], fields, leads, coleads)
        else:
            step = self._update(number, task, fields, leads, coleads)
        return step if len(self.errors) == before else None

    def _area(self, number, area_number):
        if area_number is not None and area_number not in self.areas:
            self.problem(number, "area", _("This plan has no area %(number)s."), number=area_number)
        return self.areas.get(area_number)

    def _jurisdictions(self, number, column, codes):
        for code in codes:
            if code not in self.jurisdictions:
                self.problem(
                    number, column, _("%(code)s is not a province or city of the Yangtze River Delta."), code=code
                )
        return [self.jurisdictions[code] for code in codes if code in self.jurisdictions]

    def _in_scope(self, number, column, jurisdictions):
        outside = sorted((j for j in jurisdictions if not can(self.user, MANAGE, j)), key=lambda j: j.path)
        for jurisdiction in outside:
            self.problem(number, column, _("You may not manage tasks of %(place)s."), place=jurisdiction.name)
        return not outside

    def _create(self, number, code, fields, leads, coleads):
        in_scope = self._in_scope(number, "lead", leads) & self._in_scope(number, "colead", coleads)
        if not leads and not can(self.user, MANAGE, self.region):
            # Only a region-wide coordinator could still see a task nobody leads.
            self.problem(number, "lead", _("Name the lead jurisdiction(s) of a new task."))
            return None
        if not in_scope:
            return None

        def write():
            writes.task_create(
                acting_user=self.user,
                plan=self.plan,
                code=code,
                leads=leads,
                coleads=coleads,
                area_assignment=Task.Assignment.ENTERED,
                **fields,
            )

        return Step(number, "created", write, "lead")

    def _update(self, number, task, fields, leads, coleads):
        changes = {k: v for k, v in fields.items() if _differs(getattr(task, k), v)}
        if "area" in changes:
            changes["area_assignment"] = Task.Assignment.ENTERED
        # Pass leads or co-leads only when they change: the service then needs the right to manage
        # every jurisdiction added or removed.
        if {j.code for j in leads} != {j.code for j in task.lead_jurisdictions.all()}:
            changes["leads"] = leads
        if {j.code for j in coleads} != {j.code for j in task.colead_jurisdictions.all()}:
            changes["coleads"] = coleads
        if not changes:
            if can(self.user, READ, task):
                return Step(number, "unchanged")
            self.problem(number, "code", _("You may not manage task %(code)s."), code=task.code)
            return None
        if not can(self.user, MANAGE, task.lead_scope()):
            self.problem(number, "code", _("You may not manage task %(code)s."), code=task.code)
            return None
        in_scope = True
        if "leads" in changes:
            in_scope &= self._in_scope(number, "lead", set(leads) ^ set(task.lead_jurisdictions.all()))
        if "coleads" in changes:
            in_scope &= self._in_scope(number, "colead", set(coleads) ^ set(task.colead_jurisdictions.all()))
        if "leads" in changes and not leads and not can(self.user, MANAGE, self.region):
            self.problem(number, "lead", _("Only a coordinator for the whole region may leave a task without leads."))
            in_scope = False
        if not in_scope:
            return None
        return Step(number, "updated", lambda: writes.task_update(acting_user=self.user, task=task, **changes), "code")


class MilestoneImporter(PlanImporter):
    """A milestone is named by its task's code and its Chinese title (and its due date when a task
    has several milestones of the same title)."""

    kind = "milestones"
    FIELDS = ("title_zh", "title_en", "due_date", "done_date")

    def prepare(self, rows):
        tasks = self.readable_tasks(v["task_code"] for _n, v in rows)
        stored = {}
        for milestone in Milestone.objects.filter(task__in=list(tasks.values())).order_by("pk"):
            key = (milestone.task_id, normalize_text(milestone.title_zh))
            stored.setdefault(key, []).append(milestone)
        steps, seen = [], {}
        for number, values in rows:
            task = tasks.get(values["task_code"])
            if task is None:
                self.no_task(number, values["task_code"])
                continue
            key = (task.pk, values["title_zh"])
            if self.first_seen(seen, key, number, "title_zh"):
                steps.append(self._step(number, values, task, stored.get(key, [])))
        return [step for step in steps if step is not None]

    def _step(self, number, values, task, candidates):
        if len(candidates) > 1:
            candidates = [m for m in candidates if m.due_date == values["due_date"]]
            if len(candidates) != 1:
                self.problem(
                    number,
                    "title_zh",
                    _("Task %(code)s has several milestones with this title; rename them on the task page first."),
                    code=task.code,
                )
                return None
        fields = {name: values[name] for name in self.FIELDS}
        milestone = candidates[0] if candidates else None
        changes = {k: v for k, v in fields.items() if _differs(getattr(milestone, k, None), v)}
        if milestone is not None and not changes:
            return Step(number, "unchanged")
        if not can(self.user, MANAGE, task.lead_scope()):
            self.problem(number, "task_code", _("You may not manage the milestones of task %(code)s."), code=task.code)
            return None
        if milestone is not None:
            return Step(
                number,
                "updated",
                lambda: writes.milestone_update(acting_user=self.user, milestone=milestone, **changes),
                "task_code",
            )
        return Step(
            number,
            "created",
            lambda: writes.milestone_create(acting_user=self.user, task=task, **fields),
            "task_code",
        )


class ReportImporter(PlanImporter):
    """Reports are submitted, never edited: a row equal to the live report of its period is left
    alone, a different one is refused until that report is returned."""

    kind = "reports"
    field_columns = {"risk_level": "risk"}

    def prepare(self, rows):
        tasks = self.readable_tasks(v["task_code"] for _n, v in rows)
        live = ProgressReport.objects.filter(task__in=list(tasks.values())).exclude(
            review_state=ProgressReport.Review.RETURNED
        )
        stored = {(r.task_id, r.period_start, r.period_end): r for r in live}
        steps, seen = [], {}
        for number, values in rows:
            task = tasks.get(values["task_code"])
            if task is None:
                self.no_task(number, values["task_code"])
                continue
            key = (task.pk, values["period_start"], values["period_end"])
            if self.first_seen(seen, key, number, "period_start"):
                steps.append(self._step(number, values, task, stored.get(key)))
        return [step for step in steps if step is not None]

    def _step(self, number, values, task, report):
        before = len(self.errors)
        if values["period_end"] < values["period_start"]:
            self.problem(number, "period_end", _("The period ends before it starts."))
        if not (values["narrative_zh"] or values["narrative_en"]):
            self.problem(number, "narrative_zh", _("Describe the progress in Chinese or English."))
        step = self._submit(number, values, task, report)
        return step if len(self.errors) == before else None

    def _submit(self, number, values, task, report):
        fields = {
            name: values[name]
            for name in ("period_start", "period_end", "percent", "kpi_value", "narrative_zh", "narrative_en")
        }
        fields["risk_level"] = values["risk"]
        if report is not None and not any(_differs(getattr(report, k), v) for k, v in fields.items()):
            return Step(number, "unchanged")
        if not can(self.user, SUBMIT, task):
            self.problem(number, "task_code", _("You may not submit reports for task %(code)s."), code=task.code)
            return None
        if report is not None:
            self.problem(
                number,
                "period_start",
                _(
                    "A different report for this period is already on file (%(state)s); it must be "
                    "returned before a new one can be submitted."
                ),
                state=report.get_review_state_display(),
            )
            return None
        return Step(
            number, "created", lambda: writes.report_submit(acting_user=self.user, task=task, **fields), "task_code"
        )


def _differs(stored, new):
    if isinstance(new, str):
        return normalize_text(stored) != new
    if hasattr(stored, "pk") or hasattr(new, "pk"):
        return getattr(stored, "pk", None) != getattr(new, "pk", None)
    return stored != new


IMPORTERS = {"tasks": TaskImporter, "milestones": MilestoneImporter, "reports": ReportImporter}
