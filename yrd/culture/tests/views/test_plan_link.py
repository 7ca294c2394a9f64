"""The plan tracker lists the bid's milestones on the plan task they report on."""

from datetime import date

from django.urls import reverse

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import person
from yrd.culture import writes
from yrd.culture.writes.milestones import MilestoneInput
from yrd.plan.tests.factories import TaskFactory


def test_the_plan_task_page_lists_the_bids_milestones_with_a_link_to_the_bid(client, world):
    writes.milestone_save(
        acting_user=SYSTEM,
        data=MilestoneInput(code="dossier", name_zh="提交申遗文本", name_en="Submit the dossier", due=date(2026, 9, 1)),
    )
    task, other = TaskFactory(code="7.01"), TaskFactory(code="7.02")
    client.force_login(person("plan_coordinator", "YRD"))
    page = client.get(reverse("plan:task", args=[task.pk])).content.decode()
    assert "Submit the dossier" in page and "2026-09-01" in page and "/culture/bid/#milestones" in page
    assert "Submit the dossier" not in client.get(reverse("plan:task", args=[other.pk])).content.decode()
