"""Milestones toward the bid's submission in the API: public list, create, mark done."""

from datetime import date

from ninja import Router, Schema
from ninja.decorators import decorate_view
from ninja.responses import Status

from yrd.core.caching import public_cache
from yrd.culture import writes
from yrd.culture.selectors import bid as bid_selectors
from yrd.culture.writes.milestones import MilestoneInput

from .common import ERRORS

router = Router(tags=["culture"])


class CultureMilestoneOut(Schema):
    code: str
    name_zh: str
    name_en: str
    component: str
    plan_task: str
    due: date
    done_on: date | None
    late: bool


class MilestoneIn(Schema):
    code: str
    name_zh: str
    name_en: str = ""
    due: date
    plan_task: str = "7.01"
    component: str = ""  # the town's resource code; empty: the whole bid


def milestone_out(m) -> dict:
    return {
        "code": m.code,
        "name_zh": m.name_zh,
        "name_en": m.name_en,
        "component": m.component.resource.code if m.component_id else "",
        "plan_task": m.plan_task,
        "due": m.due,
        "done_on": m.done_on,
        "late": m.late,
    }


@router.get("/bid/milestones", response=list[CultureMilestoneOut], auth=None, summary="Milestones toward submission")
@decorate_view(public_cache)
def milestones(request):
    return [milestone_out(m) for m in bid_selectors.milestones()]


@router.post("/bid/milestones", response={201: CultureMilestoneOut, **ERRORS})
def milestone_create(request, payload: MilestoneIn):
    found = bid_selectors.component_for(request.user, payload.component) if payload.component else None
    data = MilestoneInput(**payload.dict(exclude={"component"}), component=found)
    return Status(201, milestone_out(writes.milestone_save(acting_user=request.user, data=data)))


@router.post("/bid/milestones/{code}/done", response={200: CultureMilestoneOut, **ERRORS})
def milestone_done(request, code: str):
    return milestone_out(writes.milestone_done(acting_user=request.user, milestone=bid_selectors.milestone_for(code)))
