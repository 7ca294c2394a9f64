"""Creating and changing tasks."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction, Organisation
from yrd.plan.actors import Actor
from yrd.plan.models import Area, Plan, Task
from yrd.plan.selectors import TASK_FIELDS, task_snapshot

from .common import audit_jurisdiction, require_jurisdictions, require_lead

CHANGEABLE = frozenset(TASK_FIELDS) | {"area", "area_assignment", "source", "demo_details"}


@write
def task_create(
    *,
    acting_user: Actor,
    plan: Plan,
    code: str,
    title_zh: str,
    start: date,
    end: date,
    area: Area | None = None,
    leads: list[Jurisdiction] = (),
    coleads: list[Jurisdiction] = (),
    organisations: list[Organisation] = (),
    **fields,
) -> Task:
    """A new task; its leads and co-leads must all lie within the acting coordinator's rights."""
    require_jurisdictions(acting_user, [*leads, *coleads], list(leads))
    task = Task(plan=plan, area=area, code=code, title_zh=title_zh, start=start, end=end, **fields)
    task.full_clean()
    task.save()
    task.lead_jurisdictions.set(leads)
    task.colead_jurisdictions.set(coleads)
    task.responsible_organisations.set(organisations)
    audit_record(
        actor=acting_user,
        action="plan.task.create",
        obj=task,
        jurisdiction=audit_jurisdiction(task),
        data=task_snapshot(task),
    )
    return task


@write
def task_update(
    *,
    acting_user: Actor,
    task: Task,
    leads: list[Jurisdiction] | None = None,
    coleads: list[Jurisdiction] | None = None,
    organisations: list[Organisation] | None = None,
    **changes,
) -> Task:
    """Change the fields given (None for leads, co-leads or organisations keeps them). Needs the
    lead side's rights, and rights over every jurisdiction added or removed."""
    require_lead(acting_user, task)
    _require_moves(acting_user, task, leads, coleads)
    _refuse_unknown(changes)
    before = task_snapshot(task)
    for name, value in changes.items():
        setattr(task, name, value)
    task.full_clean()
    task.save()
    _set_relations(task, leads, coleads, organisations)
    after = task_snapshot(task)
    changed = {k: [before[k], after[k]] for k in after if before.get(k) != after[k]}
    if changed:
        audit_record(
            actor=acting_user, action="plan.task.update", obj=task, jurisdiction=audit_jurisdiction(task), data=changed
        )
    return task


def _require_moves(acting_user: Actor, task: Task, leads: list | None, coleads: list | None) -> None:
    old_leads, old_coleads = list(task.lead_jurisdictions.all()), list(task.colead_jurisdictions.all())
    new_leads = old_leads if leads is None else list(leads)
    new_coleads = old_coleads if coleads is None else list(coleads)
    moved = (set(old_leads) ^ set(new_leads)) | (set(old_coleads) ^ set(new_coleads))
    if moved or not new_leads:
        require_jurisdictions(acting_user, moved, new_leads)


def _refuse_unknown(changes: dict) -> None:
    unknown = sorted(set(changes) - CHANGEABLE)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})


def _set_relations(task: Task, leads: list | None, coleads: list | None, organisations: list | None) -> None:
    if leads is not None:
        task.lead_jurisdictions.set(leads)
    if coleads is not None:
        task.colead_jurisdictions.set(coleads)
    if organisations is not None:
        task.responsible_organisations.set(organisations)
