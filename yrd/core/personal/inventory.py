"""The inventory of personal fields across every installed yrd module: what is declared, of which
kind, and what looks personal but is declared neither way (which the inventory test refuses)."""

from collections import Counter

from django.apps import apps

from yrd.core.personal import SENSITIVE, declared, declared_not_personal, undeclared


def yrd_models():
    return [model for model in apps.get_models() if model.__module__.startswith("yrd.")]


def figures() -> dict:
    """Counts per module and kind, for the README and the report."""
    by_module, by_kind, not_personal = Counter(), Counter(), Counter()
    for model in yrd_models():
        for kind in declared(model).values():
            by_module[model._meta.app_label] += 1
            by_kind[str(kind)] += 1
        not_personal[model._meta.app_label] += len(declared_not_personal(model))
    return {
        "personal": sum(by_module.values()),
        "sensitive": sum(count for kind, count in by_kind.items() if kind in SENSITIVE),
        "by_module": dict(sorted(by_module.items())),
        "by_kind": dict(sorted(by_kind.items())),
        "not_personal": dict(sorted(not_personal.items())),
    }


def problems() -> list[str]:
    found = []
    for model in yrd_models():
        found += [f"{model._meta.label}.{name}" for name in undeclared(model)]
        fields = {field.name for field in model._meta.concrete_fields}
        for name in [*declared(model), *declared_not_personal(model)]:
            if name not in fields:
                found.append(f"{model._meta.label}.{name} is declared but is no field")
    return found
