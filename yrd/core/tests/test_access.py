import pytest

from yrd.core.access import can, filter_visible
from yrd.core.models import Organisation
from yrd.core.registry import Manifest, Registry, RegistryError
from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person


@pytest.fixture
def organisations(reference):
    return {
        code: OrganisationFactory(jurisdiction=jurisdiction(code)) for code in ("310000", "320500", "330100", "340100")
    }


def visible(user, action="core.organisation.manage"):
    return set(filter_visible(Organisation.objects.all(), user, action, jurisdiction_fields=["jurisdiction"]))


def test_a_regional_role_covers_every_city(organisations):
    user = person("plan_coordinator", "YRD")
    user.role_assignments.update(role=_role_with("core.organisation.manage"))
    assert all(can(user, "core.organisation.manage", o) for o in organisations.values())
    assert visible(user) == set(organisations.values())


def test_a_province_role_covers_its_cities_and_nothing_else(organisations):
    user = person("plan_coordinator", "320000")
    user.role_assignments.update(role=_role_with("core.organisation.manage"))
    assert can(user, "core.organisation.manage", organisations["320500"])
    assert not can(user, "core.organisation.manage", organisations["330100"])
    assert visible(user) == {organisations["320500"]}


def test_an_action_the_role_lacks_is_refused_everywhere(organisations):
    user = person("task_owner", "YRD")
    assert not can(user, "core.organisation.manage", organisations["310000"])
    assert visible(user) == set()


def test_strangers_and_anonymous_visitors_hold_nothing(organisations):
    from django.contrib.auth.models import AnonymousUser

    assert visible(person()) == set() and visible(AnonymousUser()) == set()
    assert not can(AnonymousUser(), "core.organisation.manage", organisations["310000"])


def test_an_organisation_bound_role_covers_only_that_organisation(organisations):
    user = person("task_owner", "310000", organisation=organisations["310000"])
    user.role_assignments.update(role=_role_with("core.organisation.manage"))
    other_in_shanghai = OrganisationFactory(jurisdiction=jurisdiction("310000"))
    assert can(user, "core.organisation.manage", organisations["310000"])
    assert not can(user, "core.organisation.manage", other_in_shanghai)


def test_the_registry_refuses_an_action_declared_twice():
    registry = Registry()
    registry.register(Manifest(label="a", actions={"x.do": "do"}))
    with pytest.raises(RegistryError):
        registry.register(Manifest(label="b", actions={"x.do": "again"}))
    with pytest.raises(RegistryError):
        registry.register(Manifest(label="a"))


def _role_with(*actions):
    from yrd.core.models import Role

    role, _ = Role.objects.get_or_create(code="tester", defaults={"name_zh": "测试", "name_en": "Tester"})
    role.actions = list(actions)
    role.save()
    return role


def test_a_regional_role_also_sees_objects_not_yet_tied_to_a_jurisdiction(reference):
    from yrd.plan.models import Task
    from yrd.plan.tests.factories import TaskFactory

    unassigned = TaskFactory()
    regional, provincial = person("plan_coordinator", "YRD"), person("plan_coordinator", "320000")
    fields = ["lead_jurisdictions", "colead_jurisdictions"]

    def readable(user):
        return list(filter_visible(Task.objects.all(), user, "plan.task.read", jurisdiction_fields=fields))

    assert readable(regional) == [unassigned] and readable(provincial) == []
    assert can(regional, "plan.task.read", unassigned) and not can(provincial, "plan.task.read", unassigned)
