from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.plan.tests.factories import TaskFactory, area, plan  # noqa: F401 (plan is a fixture)


@pytest.fixture
def people(reference):
    """A region coordinator, a Jiangsu coordinator, a Shanghai task owner bound to their
    organisation, and a stranger with no role."""
    shanghai_drc = OrganisationFactory(
        jurisdiction=jurisdiction("310000"),
        name_zh="上海市发展和改革委员会",
        name_en="Shanghai DRC",
    )
    return SimpleNamespace(
        region=person("plan_coordinator", "YRD", username="region"),
        jiangsu=person("plan_coordinator", "320000", username="jiangsu"),
        owner=person("task_owner", "310000", organisation=shanghai_drc, username="owner"),
        stranger=person(username="stranger"),
        shanghai_drc=shanghai_drc,
    )


@pytest.fixture
def tasks(people, plan):  # noqa: F811
    """Tasks spread over the provinces; titles carry the code so pages can be searched for them."""
    other_shanghai_org = OrganisationFactory(jurisdiction=jurisdiction("310000"))

    def make(code, number, **fields):
        return TaskFactory(
            code=code,
            area=area(number, plan),
            title_zh=f"任务{code}",
            title_en=f"Task {code}",
            **fields,
        )

    return SimpleNamespace(
        jiangsu=make("1.01", 1, leads=["320000"]),
        zhejiang=make("1.02", 1, leads=["330000"]),
        shared=make("2.01", 2, leads=["330000"], coleads=["320100"]),
        shanghai=make("3.01", 3, leads=["310000"], organisations=[people.shanghai_drc]),
        shanghai_other=make("3.02", 3, leads=["310000"], organisations=[other_shanghai_org]),
        unpublished=make("4.01", 4, leads=["320000"], is_published=False),
    )


def codes_on(response):
    """Task codes shown on a page (rendered as `Task <code>` in English or `任务<code>`); for the
    timeline, whose tasks are in chart data, the codes of the tasks charted."""
    if "groups" in (response.context or {}):
        return {task.code for group in response.context["groups"] for task in group["tasks"]}
    text = response.content.decode()
    return {
        code
        for code in ("1.01", "1.02", "2.01", "3.01", "3.02", "4.01")
        if f"任务{code}" in text or f"Task {code}" in text
    }
