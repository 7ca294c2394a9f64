"""Article 62's five classes, and Article 19's suitable airspace: which class may fly where."""

from datetime import timedelta

import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from yrd.lowalt.conflicts import (
    AircraftClass,
    AircraftSpec,
    AltitudeBand,
    Always,
    Restriction,
    RestrictionKind,
    RestrictionSet,
    TimeWindow,
    Verdict,
    Windows,
    classify,
    permission,
    suitable_airspace,
)

from .strategies import BASE, at, one

CAPABLE = {"airspace_keeping": True, "reliable_surveillance": True, "human_takeover": True}


def spec(empty, mtow, speed=60, height=120, **capabilities):
    return AircraftSpec(empty, mtow, speed, height, **({**CAPABLE, **capabilities}))


@pytest.mark.parametrize(
    "aircraft, expected",
    [
        (AircraftSpec(0.249, 0.249, 40, 50, micro_power_radio=True), AircraftClass.MICRO),
        (AircraftSpec(0.25, 0.3, 40, 50, micro_power_radio=True, **CAPABLE), AircraftClass.LIGHT),
        (AircraftSpec(0.2, 0.2, 40, 60, micro_power_radio=True, **CAPABLE), AircraftClass.LIGHT),  # flies above 50 m
        (spec(4, 7, speed=100), AircraftClass.LIGHT),
        (spec(4, 7, speed=101), AircraftClass.SMALL),  # too fast to be light
        (spec(4, 7.1), AircraftClass.SMALL),
        (spec(15, 25), AircraftClass.SMALL),
        (spec(15.1, 25), AircraftClass.MEDIUM),
        (spec(2, 5, reliable_surveillance=False), AircraftClass.MEDIUM),  # light by weight, not by capability
        (spec(60, 150), AircraftClass.MEDIUM),
        (spec(60, 150.1), AircraftClass.LARGE),
    ],
)
def test_an_aircraft_gets_the_class_article_62_gives_it(aircraft, expected):
    assert classify(aircraft) == expected


@given(st.floats(0.01, 500), st.floats(0, 200), st.floats(1, 300), st.booleans(), st.booleans())
def test_classes_follow_the_weight_limits_in_order(empty, extra, speed, radio, capable):
    aircraft = AircraftSpec(empty, empty + extra, speed, 120, radio, capable, capable, True)
    found = classify(aircraft)
    if found in (AircraftClass.LIGHT, AircraftClass.SMALL):
        assert capable and aircraft.max_takeoff_weight_kg <= 25
    if found == AircraftClass.LARGE:
        assert aircraft.max_takeoff_weight_kg > 150
    else:
        assert aircraft.max_takeoff_weight_kg <= 150 or found == AircraftClass.MICRO


def volume(upper, start=0):
    return one("x", upper=upper, start=start).volumes[0]


NOTHING = RestrictionSet()


@pytest.mark.parametrize(
    "aircraft_class, upper, verdict",
    [
        (AircraftClass.MICRO, 50, Verdict.SUITABLE),
        (AircraftClass.MICRO, 51, Verdict.NOT_PERMITTED),
        (AircraftClass.LIGHT, 120, Verdict.SUITABLE),
        (AircraftClass.LIGHT, 121, Verdict.NEEDS_APPROVAL),
        (AircraftClass.SMALL, 120, Verdict.SUITABLE),
        (AircraftClass.MEDIUM, 60, Verdict.NEEDS_APPROVAL),
        (AircraftClass.LARGE, 300, Verdict.NEEDS_APPROVAL),
    ],
)
def test_a_class_may_fly_its_suitable_airspace_freely_and_the_rest_only_with_approval(aircraft_class, upper, verdict):
    assert permission(aircraft_class, [volume(upper)], NOTHING).verdict == verdict


def test_a_light_aircraft_needs_approval_inside_an_active_controlled_volume():
    tower = Restriction(
        "tower", shapely.box(*at(0, 0), *at(500, 500)), AltitudeBand(0, 150), Always(), RestrictionKind.CONTROLLED
    )
    found = permission(AircraftClass.LIGHT, [volume(100)], RestrictionSet([tower]))
    assert found.verdict == Verdict.NEEDS_APPROVAL
    assert found.reasons[0].message == "The plan enters controlled airspace tower while it is active."


def test_a_micro_aircraft_too_high_is_told_its_ceiling():
    (reason,) = permission(AircraftClass.MICRO, [volume(80)], NOTHING).reasons
    assert reason.message == "A micro aircraft flies at most 50 m true height; this plan reaches 80 m."


def test_a_plan_above_120_m_for_a_medium_aircraft_gives_both_reasons():
    reasons = permission(AircraftClass.MEDIUM, [volume(150)], NOTHING).reasons
    assert [r.code for r in reasons] == ["class_needs_approval", "above_120"]


REGION = shapely.box(*at(-5000, -5000), *at(5000, 5000))
DAY = TimeWindow(BASE, BASE + timedelta(hours=2))


def test_suitable_airspace_is_the_region_less_the_active_restrictions_reaching_below_the_ceiling():
    airport = Restriction("airport", shapely.box(*at(0, 0), *at(1000, 1000)), AltitudeBand(0, 500), Always())
    high = Restriction("high", shapely.box(*at(2000, 0), *at(3000, 1000)), AltitudeBand(150, 500), Always())
    later = Restriction(
        "later",
        shapely.box(*at(-3000, 0), *at(-2000, 1000)),
        AltitudeBand(0, 100),
        Windows((TimeWindow(BASE + timedelta(hours=3), BASE + timedelta(hours=4)),)),
    )
    geometry, ceiling = suitable_airspace(AircraftClass.LIGHT, REGION, RestrictionSet([airport, high, later]), DAY)
    assert ceiling == 120
    assert geometry.area == pytest.approx(REGION.area - 1e6)
    assert not geometry.intersects(shapely.box(*at(1, 1), *at(999, 999)))


def test_micro_aircraft_get_the_same_ground_under_a_50_m_ceiling_and_medium_ones_none():
    geometry, ceiling = suitable_airspace(AircraftClass.MICRO, REGION, NOTHING, DAY)
    assert ceiling == 50 and geometry.equals(REGION)
    geometry, ceiling = suitable_airspace(AircraftClass.MEDIUM, REGION, NOTHING, DAY)
    assert ceiling is None and geometry.is_empty
