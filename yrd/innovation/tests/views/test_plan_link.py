"""The plan tracker lists public cooperation projects' milestones on the plan task they report on."""

from datetime import date

from django.urls import reverse

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction, person
from yrd.innovation import writes
from yrd.plan.tests.factories import TaskFactory


def project(world, title, milestone, public=True):
    saved = writes.cooperation_save(
        acting_user=SYSTEM,
        data=writes.CooperationInput(
            title_zh=title, title_en="", partner_country="FI", partner_name="VTT", lead=world.js_firm,
            city=jurisdiction("320500", "city"), plan_task="1.07", milestones=((milestone, "", date(2026, 6, 30)),),
        ),
    )  # fmt: skip
    saved.is_public = public
    saved.save(update_fields=["is_public"])


def test_the_plan_task_page_lists_public_cooperation_milestones(client, world):
    project(world, "中芬清洁能源合作", "中试线投产")
    project(world, "内部合作", "内部里程碑", public=False)
    task = TaskFactory(code="1.07")
    client.force_login(person("plan_coordinator", "YRD"))
    page = client.get(reverse("plan:task", args=[task.pk])).content.decode()
    assert "中试线投产" in page and "中芬清洁能源合作" in page and reverse("innovation:cooperation") in page
    assert "内部里程碑" not in page
