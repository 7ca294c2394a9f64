"""A broken manifest stops start-up with a sentence saying what is wrong."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from yrd.core.registry import Manifest, Registry, RoleSpec, Stat


def problems_of(*manifests):
    registry = Registry()
    for manifest in manifests:
        registry.register(manifest)
    return registry.problems()


def test_a_valid_manifest_has_no_problems():
    manifest = Manifest(
        label="demo",
        actions={"demo.read": "read"},
        roles={"reader": RoleSpec("读者", "Reader", ("demo.read",))},
        audit_events=("demo.thing.create",),
        stats={"count": Stat("Count", "yrd.core.caching.data_version")},
        urls="yrd.core.urls",
    )
    assert problems_of(manifest) == []


def test_a_role_granting_an_undeclared_action_is_named():
    manifest = Manifest(label="demo", roles={"reader": RoleSpec("读者", "Reader", ("demo.raed",))})
    assert problems_of(manifest) == ["demo: role 'reader' grants 'demo.raed', which no module declares."]


def test_an_action_declared_by_another_module_may_be_granted():
    core = Manifest(label="core", actions={"core.audit.read": "read"})
    other = Manifest(label="demo", roles={"auditor": RoleSpec("审计", "Auditor", ("core.audit.read",))})
    assert problems_of(core, other) == []


@pytest.mark.parametrize(
    "field,value",
    [
        ("api_router", "yrd.nowhere.api.router"),
        ("urls", "yrd.nowhere.urls"),
        ("demo_loader", "yrd.core.demo.no_such_loader"),
        ("stats", {"count": Stat("Count", "yrd.core.caching.no_such_function")}),
    ],
)
def test_a_dotted_path_that_does_not_import_is_named(field, value):
    [problem] = problems_of(Manifest(label="demo", **{field: value}))
    assert "does not import" in problem


def test_an_audit_event_outside_the_modules_name_is_named():
    [problem] = problems_of(Manifest(label="demo", audit_events=("other.thing",)))
    assert "'other.thing' must start with 'demo.'" in problem


def test_the_system_check_fails_on_a_broken_manifest(monkeypatch):
    from yrd.core.registry import registry

    broken = Manifest(label="broken", roles={"x": RoleSpec("x", "x", ("broken.undeclared",))})
    monkeypatch.setitem(registry.manifests, "broken", broken)
    with pytest.raises(SystemCheckError, match="broken.undeclared"):
        call_command("check")


def test_audit_record_refuses_an_undeclared_event(db):
    from django.db import transaction

    from yrd.core.actors import SYSTEM
    from yrd.core.audit import UndeclaredAuditEvent, audit_record

    with pytest.raises(UndeclaredAuditEvent), transaction.atomic():
        audit_record(actor=SYSTEM, action="core.no_such_event")
