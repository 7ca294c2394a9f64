"""The figures the plan tracker shows on task 2.03 count what happened."""

import pytest

from yrd.core.registry import registry
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db


def figure(code):
    _stat, function = registry.stat(f"lowalt.{code}")
    return function()


def test_approved_operations_and_conflicts_prevented_count_filings(world):
    f.file(world.pilot, world.light)
    f.file(world.other_pilot, world.other_light)  # the same airspace: refused
    f.file(world.pilot, world.medium, f.volume(start=f.tomorrow_at(15)))  # waits for consent: not approved yet
    assert (figure("approved_operations"), figure("conflicts_prevented")) == (1, 1)


def test_the_figures_are_linked_to_the_low_altitude_task():
    stats = registry.manifests["lowalt"].stats
    assert {s.plan_tasks for s in stats.values()} == {("2.03",)}
