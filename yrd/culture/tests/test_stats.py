"""The figures the plan tracker shows for task 7.01 follow the data."""

from yrd.core.actors import SYSTEM
from yrd.core.models import Jurisdiction
from yrd.core.registry import registry
from yrd.culture import writes
from yrd.culture.interface import published_figures
from yrd.culture.tests import factories as f
from yrd.culture.writes.parks import ProjectInput


def project(stage, progress):
    return writes.park_project_save(
        acting_user=SYSTEM,
        data=ProjectInput(
            park="grand_canal",
            province=Jurisdiction.objects.get(code="320000", level="province"),
            segment="苏州段",
            name_zh="测试项目",
            stage=stage,
            progress=progress,
            longitude=120.6,
            latitude=31.3,
        ),
    )


def test_the_plan_tracker_shows_the_figures_on_task_7_01(world):
    assert set(registry.stats_for_plan_task("7.01")) == {
        "culture.complete_components",
        "culture.park_projects_open",
        "culture.park_projects_building",
        "culture.visits_booked",
        "culture.bid_milestones_done",
        "culture.bid_milestones_late",
    }
    project("open", 100)
    project("building", 40)
    project("building", 70)
    site = f.bookable(20)
    f.book(site, world.visitor, 5)
    cancelled = f.book(site, world.visitor, 3)
    writes.reservation_cancel(acting_user=world.visitor, reservation=cancelled)
    assert published_figures() == {
        "complete_components": 0,
        "park_projects_open": 1,
        "park_projects_building": 2,
        "visits_booked": 5,
    }


def test_a_project_open_to_the_public_is_complete(world):
    import pytest
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(ValidationError) as refused:
        project("open", 80)
    assert list(refused.value.message_dict) == ["progress"]
    with pytest.raises(PermissionDenied):
        writes.park_project_save(
            acting_user=world.zj_reviewer,
            data=ProjectInput(
                park="grand_canal",
                province=Jurisdiction.objects.get(code="320000", level="province"),
                segment="x",
                name_zh="x",
                stage="planned",
                longitude=120.6,
                latitude=31.3,
            ),
        )
