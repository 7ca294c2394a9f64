"""Creating, changing and closing milestones; the lead side of the task runs them."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.plan.actors import Actor
from yrd.plan.models import Milestone, Task

from .common import require_lead

CHANGEABLE = frozenset({"title_zh", "title_en", "due_date", "done_date"})


@write
def milestone_create(
    *,
    acting_user: Actor,
    task: Task,
    title_zh: str,
    due_date: date,
    title_en: str = "",
    done_date: date | None = None,
    is_demo: bool = False,
) -> Milestone:
    require_lead(acting_user, task)
    milestone = Milestone(
        task=task, title_zh=title_zh, title_en=title_en, due_date=due_date, done_date=done_date, is_demo=is_demo
    )
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=acting_user,
        action="plan.milestone.create",
        obj=milestone,
        data={"task": task.code, "due_date": due_date, "done_date": done_date},
    )
    return milestone


@write
def milestone_update(*, acting_user: Actor, milestone: Milestone, **changes) -> Milestone:
    """Change the fields given; `done_date=None` reopens the milestone."""
    require_lead(acting_user, milestone.task)
    unknown = sorted(set(changes) - CHANGEABLE)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})
    before = {k: getattr(milestone, k) for k in changes}
    for name, value in changes.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=acting_user,
        action="plan.milestone.update",
        obj=milestone,
        data={k: [before[k], changes[k]] for k in changes},
    )
    return milestone
