from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction
from yrd.innovation import writes
from yrd.innovation.models import CooperationProject


@pytest.fixture
def project(world):
    return writes.cooperation_save(
        acting_user=SYSTEM,
        data=writes.CooperationInput(
            title_zh="中新苏州智能制造合作", title_en="Suzhou-Singapore smart manufacturing", partner_country="SG",
            partner_name="A*STAR", lead=world.js_firm, city=jurisdiction("320500", "city"), plan_task="1.07",
            milestones=(("签署协议", "Agreement", date(2026, 3, 1)),),
        ),
    )  # fmt: skip


@pytest.mark.parametrize(
    "lang,heading,title",
    [
        ("en", "International cooperation projects", "Suzhou-Singapore smart manufacturing"),
        ("zh-hans", "国际合作项目", "中新苏州智能制造合作"),
    ],
)
def test_projects_show_by_stage_with_milestones_and_plan_task_in_both_languages(client, project, lang, heading, title):
    text = client.get(reverse("innovation:cooperation"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert heading in text and title in text and "1.07" in text and "2026-03-01" in text


def test_a_project_not_public_shows_only_to_its_province_officers(client, world, project):
    CooperationProject.objects.filter(pk=project.pk).update(is_public=False)
    url, title = reverse("innovation:cooperation"), project.title_en
    assert title not in client.get(url).content.decode()
    client.force_login(world.zj_officer)
    assert title not in client.get(url).content.decode()
    client.force_login(world.js_officer)
    assert title in client.get(url).content.decode()


def test_the_province_officer_moves_the_stage_and_marks_a_milestone_done(client, world, project):
    milestone = project.milestones.get()
    client.force_login(world.js_officer)
    client.post(reverse("innovation:cooperation-stage", args=[project.pk]), {"stage": "underway"})
    done_on = timezone.localdate() - timedelta(days=1)
    client.post(reverse("innovation:milestone-done", args=[project.pk, milestone.pk]), {"done_on": done_on})
    project.refresh_from_db()
    milestone.refresh_from_db()
    assert project.stage == "underway" and milestone.done_on == done_on
    back = client.post(reverse("innovation:cooperation-stage", args=[project.pk]), {"stage": "signed"}, follow=True)
    assert "does not go back" in back.content.decode()
    project.refresh_from_db()
    assert project.stage == "underway"


def test_another_province_or_a_firm_cannot_move_the_project(client, world, project):
    for user in (world.zj_officer, world.js_firm_user):
        client.force_login(user)
        client.post(reverse("innovation:cooperation-stage", args=[project.pk]), {"stage": "completed"})
        client.post(
            reverse("innovation:milestone-done", args=[project.pk, project.milestones.get().pk]),
            {"done_on": timezone.localdate()},
        )
    project.refresh_from_db()
    assert project.stage == "proposed" and project.milestones.get().done_on is None
    client.logout()
    assert (
        client.post(reverse("innovation:cooperation-stage", args=[project.pk]), {"stage": "signed"}).status_code == 302
    )
    project.refresh_from_db()
    assert project.stage == "proposed"
