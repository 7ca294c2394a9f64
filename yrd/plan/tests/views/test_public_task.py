"""One published task on the transparency page, for anyone, with its published fields only."""

from django.urls import reverse

from yrd.plan.tests.factories import ReportFactory


def test_the_transparency_rows_link_to_a_public_task_page(client, tasks):
    page = client.get(reverse("plan:public")).content.decode()
    assert f'href="{reverse("plan:public-task", args=[tasks.jiangsu.pk])}"' in page


def test_anyone_reads_a_published_task_without_its_narratives(client, tasks, people):
    ReportFactory(task=tasks.jiangsu, percent=70, narrative_en="A confidential narrative", review_state="accepted")
    response = client.get(reverse("plan:public-task", args=[tasks.jiangsu.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Task 1.01" in page and "70%" in page
    assert "confidential" not in page


def test_an_unpublished_task_is_not_found(client, tasks):
    response = client.get(reverse("plan:public-task", args=[tasks.unpublished.pk]))
    assert response.status_code == 404
