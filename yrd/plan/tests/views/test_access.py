"""Who may open which page: anonymous people are sent to log in, people without a role get an
explanation, and everyone else sees only the tasks of their jurisdiction or organisation."""

import pytest
from django.urls import reverse

from .conftest import codes_on

LISTING_PAGES = [
    "plan:overview",
    "plan:tasks",
    "plan:attention",
    "plan:heatmap",
    "plan:gantt",
    "plan:reviews",
    "plan:baselines",
]


@pytest.mark.parametrize("name", LISTING_PAGES)
def test_anonymous_people_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", LISTING_PAGES)
def test_a_person_without_a_role_gets_an_explanation_not_an_error(client, people, tasks, name):
    client.force_login(people.stranger)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no role in the plan tracker" in response.content.decode()
    assert codes_on(response) == set()


@pytest.mark.parametrize("name", ["plan:overview", "plan:tasks", "plan:heatmap", "plan:gantt"])
def test_pages_render_before_any_plan_is_loaded(client, people, name):
    client.force_login(people.region)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "No plan has been loaded yet" in response.content.decode()


@pytest.mark.parametrize("name", ["plan:tasks", "plan:gantt"])
def test_the_region_coordinator_sees_every_task(client, people, tasks, name):
    client.force_login(people.region)
    assert codes_on(client.get(reverse(name))) == {"1.01", "1.02", "2.01", "3.01", "3.02", "4.01"}


@pytest.mark.parametrize("name", ["plan:tasks", "plan:gantt"])
def test_the_jiangsu_coordinator_sees_tasks_jiangsu_leads_or_co_leads(client, people, tasks, name):
    client.force_login(people.jiangsu)
    # 2.01 is led by Zhejiang and co-led by Nanjing, a city of Jiangsu; 1.02 is Zhejiang's alone.
    assert codes_on(client.get(reverse(name))) == {"1.01", "2.01", "4.01"}


@pytest.mark.parametrize("name", ["plan:tasks", "plan:gantt"])
def test_a_task_owner_sees_only_the_tasks_of_their_organisation(client, people, tasks, name):
    client.force_login(people.owner)
    assert codes_on(client.get(reverse(name))) == {"3.01"}


def test_the_overview_counts_only_visible_tasks(client, people, tasks):
    client.force_login(people.jiangsu)
    page = client.get(reverse("plan:overview"))
    assert page.status_code == 200
    assert page.context["summary"]["total"] == 3
    client.force_login(people.region)
    assert client.get(reverse("plan:overview")).context["summary"]["total"] == 6


def test_the_overview_states_how_many_tasks_the_public_record_names(client, people, tasks):
    tasks.jiangsu.area_assignment = "stated"
    tasks.jiangsu.save()
    client.force_login(people.region)
    text = client.get(reverse("plan:overview")).content.decode()
    assert "1 of 165 tasks are named in the public record" in text


def test_the_heatmap_and_map_count_only_visible_tasks(client, people, tasks):
    client.force_login(people.jiangsu)
    page = client.get(reverse("plan:heatmap"))
    assert page.status_code == 200
    assert page.context["count"] == 3
    cities = {city.code: n for city, n, _p in page.context["city_rows"]}
    assert cities["320100"] == 3  # Nanjing: two Jiangsu tasks and the one it co-leads
    assert cities["320200"] == 2  # Wuxi: the two Jiangsu tasks
    assert cities["330100"] == 1  # Hangzhou: the shared task Zhejiang leads, not Zhejiang's own
    assert cities["310000"] == 0  # Shanghai: none of Shanghai's tasks are Jiangsu's to see
    assert "schematic" in page.content.decode()


@pytest.mark.parametrize(
    "who, visible",
    [
        ("region", True),
        ("jiangsu", True),
        ("owner", False),
        ("stranger", False),
    ],
)
def test_a_task_outside_scope_is_not_found(client, people, tasks, who, visible):
    client.force_login(getattr(people, who))
    response = client.get(reverse("plan:task", args=[tasks.jiangsu.pk]))
    assert response.status_code == (200 if visible else 404)


def test_the_task_page_needs_a_login(client, tasks):
    response = client.get(reverse("plan:task", args=[tasks.jiangsu.pk]))
    assert response.status_code == 302


def test_tabs_show_reviews_and_import_only_to_those_who_may(client, people, tasks):
    client.force_login(people.owner)
    text = client.get(reverse("plan:overview")).content.decode()
    assert reverse("plan:tasks") in text and reverse("plan:reviews") not in text
    assert reverse("plan:import") in text  # task owners import their progress reports
    client.force_login(people.stranger)
    assert reverse("plan:import") not in client.get(reverse("plan:public")).content.decode()
    client.force_login(people.region)
    text = client.get(reverse("plan:overview")).content.decode()
    assert reverse("plan:reviews") in text and reverse("plan:import") in text
