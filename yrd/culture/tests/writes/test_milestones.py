"""Milestones toward submission: a component's city keeps its component's milestones, the
coordinating office the whole bid's; bad input is refused by field; done once, never in the future;
the plan tracker's figures count them."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.culture import stats, writes
from yrd.culture.models import BidMilestone
from yrd.culture.tests import factories as f
from yrd.culture.writes.milestones import MilestoneInput


def data(**fields) -> MilestoneInput:
    base = {"code": "survey-done", "name_zh": "遗产要素测绘", "due": timezone.localdate() + timedelta(days=30)}
    return MilestoneInput(**(base | fields))


def test_the_city_keeps_its_components_milestones_and_others_are_refused(world):
    suzhou = f.component()
    saved = writes.milestone_save(acting_user=world.sz_officer, data=data(component=suzhou))
    assert (saved.plan_task, saved.component) == ("7.01", suzhou)
    for stranger in (world.jx_officer, world.visitor, world.js_reviewer):
        with pytest.raises(PermissionDenied):
            writes.milestone_save(acting_user=stranger, data=data(code="other", component=suzhou))
        with pytest.raises(PermissionDenied):
            writes.milestone_done(acting_user=stranger, milestone=saved)
    writes.milestone_done(acting_user=world.sz_officer, milestone=saved)
    assert AuditEntry.objects.filter(action__startswith="culture.milestone.").count() == 2


def test_only_the_coordinating_office_keeps_the_whole_bids_milestones(world):
    with pytest.raises(PermissionDenied):
        writes.milestone_save(acting_user=world.sz_officer, data=data())
    saved = writes.milestone_save(acting_user=world.office, data=data())
    with pytest.raises(PermissionDenied):
        writes.milestone_done(acting_user=world.sz_officer, milestone=saved)
    assert writes.milestone_done(acting_user=world.office, milestone=saved).done_on == timezone.localdate()


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"code": "Bad Code"}, "code", "lower-case"),
        ({"name_zh": "  "}, "name_zh", "Chinese name is required"),
        ({"name_en": "x" * 201}, "name_en", "At most 200"),
        ({"due": None}, "due", "due date"),
        ({"plan_task": "9.99"}, "plan_task", "Unknown plan task '9.99'"),
    ],
)
def test_bad_milestones_are_refused_by_field(world, fields, field, words):
    with pytest.raises(ValidationError) as refused:
        writes.milestone_save(acting_user=world.office, data=data(**fields))
    assert words in refused.value.message_dict[field][0]
    assert not BidMilestone.objects.exists()


def test_a_code_is_used_once_and_a_milestone_is_done_once_never_in_the_future(world):
    saved = writes.milestone_save(acting_user=world.office, data=data())
    with pytest.raises(ValidationError) as taken:
        writes.milestone_save(acting_user=world.office, data=data())
    assert "already used" in taken.value.message_dict["code"][0]
    with pytest.raises(ValidationError) as future:
        writes.milestone_done(
            acting_user=world.office, milestone=saved, done_on=timezone.localdate() + timedelta(days=1)
        )
    assert list(future.value.message_dict) == ["done_on"]
    writes.milestone_done(acting_user=world.office, milestone=saved)
    with pytest.raises(Conflict):
        writes.milestone_done(acting_user=world.office, milestone=saved)


def test_the_plan_trackers_figures_count_done_and_late_milestones(world):
    past = timezone.localdate() - timedelta(days=3)
    late = writes.milestone_save(acting_user=world.office, data=data(code="late-one", due=past))
    done = writes.milestone_save(acting_user=world.office, data=data(code="done-one", due=past))
    writes.milestone_save(acting_user=world.office, data=data(code="coming"))
    done = writes.milestone_done(acting_user=world.office, milestone=done, done_on=past)
    assert (stats.bid_milestones_done(), stats.bid_milestones_late()) == (1, 1)
    assert late.late and not done.late
