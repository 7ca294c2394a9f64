from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import person
from yrd.green.reference import load_reference

from . import factories as f


@pytest.fixture
def factors(reference):
    load_reference()


@pytest.fixture
def world(factors):
    """Personas: the Suzhou park and two of its factories, a Ningbo park with one factory, a Wuxi
    factory outside any park; each factory's reporter, each park's reviewer, the Suzhou city reviewer,
    a Ningbo city reviewer, a Jiangsu energy officer, a regional planner and a stranger."""
    sz_park = f.site("park", "320500")
    ningbo_park = f.site("park", "330200")
    sz_factory = f.site("factory", "320500", park=sz_park)
    sz_factory_2 = f.site("factory", "320500", park=sz_park)
    ningbo_factory = f.site("factory", "330200", park=ningbo_park)
    wuxi_factory = f.site("factory", "320200")
    return SimpleNamespace(
        sz_park=sz_park,
        ningbo_park=ningbo_park,
        sz_factory=sz_factory,
        sz_factory_2=sz_factory_2,
        ningbo_factory=ningbo_factory,
        wuxi_factory=wuxi_factory,
        sz_reporter=f.reporter(sz_factory),
        sz_reporter_2=f.reporter(sz_factory_2),
        ningbo_reporter=f.reporter(ningbo_factory),
        park_reporter=f.reporter(sz_park),
        sz_park_reviewer=f.park_reviewer(sz_park),
        ningbo_park_reviewer=f.park_reviewer(ningbo_park),
        sz_city=person("green_reviewer", "320500"),
        ningbo_city=person("green_reviewer", "330200"),
        js_energy=person("green_energy_officer", "320000"),
        planner=person("green_energy_officer", "YRD"),
        stranger=person(),
    )
