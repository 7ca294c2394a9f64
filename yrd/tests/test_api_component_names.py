"""Each API schema class has a name of its own: the generated OpenAPI keys its components by class
name, so two modules' `BookingIn` would document one module's fields for the other's operation."""

from collections import defaultdict

from pydantic import BaseModel

import yrd.api  # noqa: F401  (imports every module's router and its schemas)


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def test_no_two_api_schemas_share_a_name():
    modules_by_name = defaultdict(set)
    for model in set(subclasses(BaseModel)):
        if model.__module__.startswith("yrd."):
            modules_by_name[model.__name__].add(model.__module__)
    shared = {name: sorted(modules) for name, modules in modules_by_name.items() if len(modules) > 1}
    assert shared == {}
