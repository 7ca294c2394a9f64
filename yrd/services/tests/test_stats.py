from yrd.core.registry import registry
from yrd.services.tests.conftest import decided, submit


def test_the_plan_tracker_reads_live_figures_through_the_manifest(world):
    assert registry.stat("services.cross_province_handled")() == 0
    assert registry.stat("services.on_time_rate")() is None
    decided(world)
    submit(world)
    assert registry.stat("services.cross_province_handled")() == 1
    assert registry.stat("services.on_time_rate")() == 100.0
