"""Milestones toward the bid's submission (see models.milestones): the component's city, or the
coordinating office for the whole bid, records a milestone with its plan task and due date and marks
it done. The plan task must be one this module reports on (apps.CULTURE_TASKS)."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.culture.apps import COMPONENT, CULTURE_TASKS
from yrd.culture.models import BidMilestone, Component

from .common import refuse_if, text_errors

CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")


@dataclass
class MilestoneInput:
    code: str
    name_zh: str
    due: date | None
    name_en: str = ""
    plan_task: str = CULTURE_TASKS[0]
    component: Component | None = None


def _problems(data: MilestoneInput, milestone: BidMilestone | None) -> dict:
    errors = text_errors(
        BidMilestone, {"code": data.code, "name_zh": data.name_zh, "name_en": data.name_en, "plan_task": data.plan_task}
    )
    if "code" not in errors and not CODE.match(data.code or ""):
        errors["code"] = [_("A code is 2 to 40 lower-case letters, digits or hyphens.")]
    elif "code" not in errors:
        taken = BidMilestone.objects.filter(code=data.code)
        if milestone is not None:
            taken = taken.exclude(pk=milestone.pk)
        if taken.exists():
            errors["code"] = [_("The code %(code)s is already used.") % {"code": data.code}]
    if "name_zh" not in errors and not (data.name_zh or "").strip():
        errors["name_zh"] = [_("A Chinese name is required.")]
    if not isinstance(data.due, date):
        errors["due"] = [_("Give the due date (YYYY-MM-DD).")]
    if "plan_task" not in errors and data.plan_task not in CULTURE_TASKS:
        errors["plan_task"] = [
            _("Unknown plan task %(task)s; this module reports on: %(tasks)s.")
            % {"task": repr(data.plan_task)[:20], "tasks": ", ".join(CULTURE_TASKS)}
        ]
    return errors


@write
def milestone_save(
    *, acting_user, data: MilestoneInput, milestone: BidMilestone | None = None, is_demo: bool = False
) -> BidMilestone:
    """Create a milestone, or change one (its component stays where it was created)."""
    target = milestone if milestone is not None else BidMilestone(component=data.component)
    require(acting_user, COMPONENT, target)
    refuse_if(_problems(data, milestone))
    target.code = data.code
    target.name_zh = data.name_zh.strip()
    target.name_en = data.name_en.strip()
    target.plan_task = data.plan_task
    target.due = data.due
    target.is_demo = target.is_demo or is_demo
    target.save()
    audit_record(
        actor=acting_user,
        action="culture.milestone.save",
        obj=target,
        jurisdiction=_where(target),
        data={"code": target.code, "plan_task": target.plan_task, "due": str(target.due)},
    )
    return target


@write
def milestone_done(*, acting_user, milestone: BidMilestone, done_on: date | None = None) -> BidMilestone:
    """Mark a milestone done (today unless given; never a day still to come)."""
    require(acting_user, COMPONENT, milestone)
    milestone = BidMilestone.objects.select_for_update().get(pk=milestone.pk)
    if milestone.done_on is not None:
        raise Conflict(_("This milestone is already done."), code="already_done")
    day = done_on or timezone.localdate()
    if not isinstance(day, date) or day > timezone.localdate():
        refuse_if({"done_on": [_("A milestone is done today or on an earlier day.")]})
    milestone.done_on = day
    milestone.save(update_fields=["done_on"])
    audit_record(
        actor=acting_user,
        action="culture.milestone.done",
        obj=milestone,
        jurisdiction=_where(milestone),
        data={"code": milestone.code, "plan_task": milestone.plan_task, "done_on": str(day)},
    )
    return milestone


def _where(milestone: BidMilestone) -> str:
    return milestone.component.city.code if milestone.component_id else "YRD"
