from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import person
from yrd.lowalt.tests import factories as f


@pytest.fixture
def world(reference):
    """Named personas: a Shanghai operator and another operator (each with a light and a medium aircraft),
    an emergency operator, airspace officers of Shanghai, Jiangsu and Zhejiang, and a stranger."""
    sh_operator, other_operator, medical = f.operator("310000"), f.operator("330100"), f.operator("340100")
    return SimpleNamespace(
        sh_operator=sh_operator,
        other_operator=other_operator,
        medical=medical,
        pilot=f.operator_person(sh_operator),
        other_pilot=f.operator_person(other_operator),
        medic=f.operator_person(medical, "uas_emergency_operator"),
        light=f.aircraft(sh_operator, "light"),
        medium=f.aircraft(sh_operator, "medium", "30.000", "60.000"),
        micro=f.aircraft(sh_operator, "micro", "0.200", "0.240"),
        other_light=f.aircraft(other_operator, "light"),
        medical_light=f.aircraft(medical, "light"),
        sh_officer=person("airspace_authority", "310000"),
        js_officer=person("airspace_authority", "320000"),
        zj_officer=person("airspace_authority", "330000"),
        stranger=person(),
    )
