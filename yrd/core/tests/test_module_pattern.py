"""Every module follows the one pattern (README, "Adding a module"): its writes refuse a missing
actor, its manifest is checked at start-up, and it reaches other modules only through their
`interface`."""

import ast
import importlib
from pathlib import Path

import pytest

from yrd.core.actors import SYSTEM, MissingActor
from yrd.core.registry import registry

YRD = Path(__file__).resolve().parents[2]
MODULES = sorted(registry.manifests)


def public_writes(label):
    writes = importlib.import_module(f"yrd.{label}.writes")
    return [(name, getattr(writes, name)) for name in writes.__all__]


@pytest.mark.parametrize("label", MODULES)
def test_every_module_keeps_its_writes_in_writes(label):
    assert public_writes(label), f"yrd.{label}.writes lists no writes in __all__"


@pytest.mark.parametrize(
    "label,name,write", [(label, name, fn) for label in MODULES for name, fn in public_writes(label)]
)
def test_every_write_refuses_a_missing_actor_before_doing_anything(label, name, write):
    assert getattr(write, "is_write", False), f"{label}.{name} is not marked @write"
    with pytest.raises(MissingActor):
        write(acting_user=None)


def test_the_system_actor_is_recorded_as_system(db):
    from yrd.core.models import AuditEntry
    from yrd.core.reference import load_reference

    load_reference()
    entry = AuditEntry.objects.get(action="core.reference.load")
    assert (entry.actor_id, entry.actor_label) == (None, "system")


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


@pytest.mark.parametrize("label", [m for m in MODULES if m != "core"])
def test_a_module_uses_another_only_through_its_interface(label):
    reached = set()
    for path in (YRD / label).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for module in imports_of(path):
            parts = module.split(".")
            if parts[0] == "yrd" and len(parts) > 1 and parts[1] not in (label, "core", "settings"):
                if parts[2:3] != ["interface"]:
                    reached.add(f"{path.relative_to(YRD)} imports {module}")
    assert sorted(reached) == []


def test_roles_reach_the_database_after_migrate(db, monkeypatch):
    from django.core.management import call_command

    from yrd.core.models import Role
    from yrd.core.registry import RoleSpec

    roles = dict(registry.roles)
    roles["auditor_test"] = RoleSpec("测试角色", "Test role", ("core.audit.read",))
    monkeypatch.setattr(registry, "roles", roles)
    call_command("migrate", verbosity=0)
    assert Role.objects.get(code="auditor_test").actions == ["core.audit.read"]


def test_system_is_not_a_person():
    assert not SYSTEM.is_authenticated and str(SYSTEM) == "system"
