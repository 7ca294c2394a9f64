"""Import a file of tasks, milestones or reports: all rows or none.

Every row is read and checked first, and every problem is collected as (row, column, reason). Only
a file without problems is written, row by row through yrd.plan.writes inside one transaction;
an error a service raises is mapped to its row, the other rows are still tried so that all errors
are listed, and then the whole transaction is rolled back. Rows equal to what is stored are left
alone, so a file exported and imported again changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction
from yrd.plan import writes
from yrd.plan.apps import MANAGE, READ, SUBMIT
from yrd.plan.io.columns import (
    COLUMNS,
    RowError,
    check_header,
    normalize_text,
    parse_row,
    unnamed_cells,
)
from yrd.plan.io.tables import TableError, read_table
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


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors


@dataclass
class Step:
    """What one row will do. `write` is None for a row equal to what is stored."""

    row: int
    outcome: str  # created | updated | unchanged
    write: Callable | None = None
    column: str = ""  # where a refusal by the service is reported


def may_import(user, kind):
    return can(user, KIND_ACTIONS[kind])


def import_file(*, acting_user, kind, data, plan=None, dry_run=False, progress=None):
    """Check and (unless dry_run or any error) write the rows of `data` (bytes of XLSX or CSV).
    `progress(done, total)` is called as rows are written."""
    result = ImportResult(kind=kind, dry_run=dry_run)
    plan = plan or current_plan()
    if plan is None:
        result.errors.append(RowError(None, "", _("No plan is loaded yet.")))
        return result
    rows = _read(kind, data, result)  # [] when the file or its header cannot be read
    importer = IMPORTERS[kind](acting_user, plan, result.errors)
    steps = importer.prepare(rows)  # rows with unreadable cells are still checked for the rest
    if not result.errors:
        _write(importer, steps, result, progress)
    result.errors.sort(key=lambda e: (e.row or 0, _column_order(kind, e.column)))
    if result.errors:
        result.created = result.updated = result.unchanged = 0
    return result


def _column_order(kind, name):
    names = [c.name for c in COLUMNS[kind]]
    return names.index(name) if name in names else len(names)


KIND_NAMES = {
    "tasks": lambda: _("tasks"),
    "milestones": lambda: _("milestones"),
    "reports": lambda: _("progress reports"),
}


def _kind_of_header(header):
    """The kind whose required columns the header holds, when it is exactly one; else None."""
    names = {name.strip().lower() for name in header}
    kinds = [kind for kind, columns in COLUMNS.items() if {c.name for c in columns if c.required} <= names]
    return kinds[0] if len(kinds) == 1 else None


def _read(kind, data, result):
    """[(row number, {column: value})]; every cell's and header's problem goes to result.errors."""
    try:
        table = read_table(data)
    except TableError as error:
        result.errors.append(RowError(None, "", str(error)))
        return []
    columns = COLUMNS[kind]
    positions, header_errors = check_header(table.header, columns, table.header_row)
    other = header_errors and _kind_of_header(table.header)
    if other and other != kind:
        header_errors = [
            RowError(
                table.header_row,
                "",
                _("These columns are those of %(other)s; choose that kind, or upload the %(kind)s file.")
                % {"other": KIND_NAMES[other](), "kind": KIND_NAMES[kind]()},
            )
        ]
    result.errors.extend(header_errors)
    result.rows = len(table.rows)
    if not table.rows:
        result.errors.append(RowError(None, "", _("The file has a header but no rows to import.")))
    if header_errors:
        return []
    rows = []
    for number, cells in table.rows:
        values, errors = parse_row(columns, positions, number, cells)
        result.errors.extend(errors + unnamed_cells(table.header, number, cells))
        # A row whose identifying cells cannot be read is not checked further; the others are, so
        # that a row's every problem is listed at once.
        if not {e.column for e in errors} & set(KEY_COLUMNS[kind]):
            rows.append((number, values))
    return rows


class _Rollback(Exception):
    pass


def _write(importer, steps, result, progress):
    total = len(steps)
    try:
        with transaction.atomic():
            for done, step in enumerate(steps, start=1):
                if step.write is not None:
                    try:
                        step.write()
                    except (ValidationError, PermissionDenied, Conflict, IntegrityError) as error:
                        # The service's own atomic block has rolled back to its savepoint, so
                        # the remaining rows can still be tried and their errors listed.
                        result.errors.extend(importer.service_errors(step, error))
                setattr(result, step.outcome, getattr(result, step.outcome) + 1)
                if progress:
                    progress(done, total)
            if result.errors or result.dry_run:
                raise _Rollback
    except _Rollback:
        pass


class Importer:
    kind = ""
    field_columns = {}  # model field -> column, where the names differ

    def __init__(self, acting_user, plan, errors):
        self.user, self.plan, self.errors = acting_user, plan, errors
        # A cell that could not be read already has its error; checks that use its (empty) value
        # must not add a second, misleading one.
        self.unreadable = {(e.row, e.column) for e in errors}

    def prepare(self, rows):
        """The Step of every row without problems; the problems of the others go to self.errors."""
        raise NotImplementedError

    def problem(self, row, column, message, /, **params):
        if (row, column) not in self.unreadable:
            self.errors.append(RowError(row, column, message % params if params else message))

    def service_errors(self, step, error):
        if isinstance(error, ValidationError):
            if hasattr(error, "error_dict"):
                return [
                    RowError(step.row, self._column_of(name, step), message)
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
            return [RowError(step.row, step.column, message) for message in error.messages]
        if isinstance(error, Conflict):
            message = error.message
        elif isinstance(error, IntegrityError):
            message = _("Conflicts with data saved meanwhile; try again.")
        else:
            message = str(error) or _("You may not do this.")
        return [RowError(step.row, step.column, str(message))]

    def _column_of(self, name, step):
        if name in self.field_columns:
            return self.field_columns[name]
        names = {c.name for c in COLUMNS[self.kind]}
        return name if name in names and name != NON_FIELD_ERRORS else step.column

    def readable_tasks(self, codes):
        """{code: task} of the plan's tasks with these codes that the user may read."""
        tasks = Task.objects.filter(plan=self.plan, code__in=set(codes)).prefetch_related(
            "lead_jurisdictions", "colead_jurisdictions", "responsible_organisations"
        )
        return {task.code: task for task in tasks if can(self.user, READ, task)}

    def first_seen(self, seen, key, number, column):
        """Report a second row with the same key; True when the key is new."""
        if key in seen:
            self.problem(number, column, _("The same row is also on row %(row)s."), row=seen[key])
            return False
        seen[key] = number
        return True

    def no_task(self, number, code):
        self.problem(number, "task_code", _("There is no task %(code)s that you may see."), code=code)


class TaskImporter(Importer):
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
        outside = [j for j in jurisdictions if not can(self.user, MANAGE, j)]
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
        # every one of them, which a co-leading province's coordinator does not have.
        if {j.code for j in leads} != {j.code for j in task.lead_jurisdictions.all()}:
            changes["leads"] = leads
        if {j.code for j in coleads} != {j.code for j in task.colead_jurisdictions.all()}:
            changes["coleads"] = coleads
        if not changes:
            if can(self.user, READ, task):
                return Step(number, "unchanged")
            self.problem(number, "code", _("You may not manage task %(code)s."), code=task.code)
            return None
        if not can(self.user, MANAGE, task):
            self.problem(number, "code", _("You may not manage task %(code)s."), code=task.code)
            return None
        in_scope = True
        if "leads" in changes:
            in_scope &= self._in_scope(number, "lead", leads)
        if "coleads" in changes:
            in_scope &= self._in_scope(number, "colead", coleads)
        if not in_scope:
            return None
        return Step(number, "updated", lambda: writes.task_update(acting_user=self.user, task=task, **changes), "code")


class MilestoneImporter(Importer):
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
        if not can(self.user, MANAGE, task):
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


class ReportImporter(Importer):
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
