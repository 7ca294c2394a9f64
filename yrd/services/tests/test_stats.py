from yrd.plan.selectors import live_figures
from yrd.plan.tests.factories import TaskFactory
from yrd.services.tests.conftest import decided, submit


def figures(task):
    return {str(label): value for label, value, _unit in live_figures(task)}


def test_the_one_stop_service_task_shows_live_figures_from_this_module(world):
    task = TaskFactory(stat="services.cross_province_handled services.on_time_rate services.nothing")
    assert figures(task) == {"Cross-province applications decided": 0, "Decided within the legal time limit": None}
    decided(world)
    submit(world)
    assert figures(task) == {"Cross-province applications decided": 1, "Decided within the legal time limit": 100.0}


def test_the_task_page_shows_the_figures(client, world):
    from django.urls import reverse

    from yrd.core.tests.factories import person

    task = TaskFactory(stat="services.cross_province_handled")
    decided(world)
    client.force_login(person("plan_coordinator", "YRD"))
    page = client.get(reverse("plan:task", args=[task.pk])).content.decode()
    assert "Cross-province applications decided" in page
