"""Building the network: timetables, waypoints, parameters that refuse nonsense."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from yrd.transport.routing import (
    Cargo,
    City,
    Hub,
    InvalidNetwork,
    InvalidParameters,
    Link,
    Mode,
    Network,
    Parameters,
    Planner,
    ReferenceData,
    RouteRequest,
    Timetable,
)
from yrd.transport.routing.data import read_reference
from yrd.transport.routing.parameters import DEFAULT_HUB_KINDS, Sourced

A, B = City("100000", "甲", "Alpha", 31.0, 120.0), City("200000", "乙", "Beta", 31.0, 121.0)


def two_yards(timetable: Timetable | None) -> Planner:
    hubs = (
        Hub("YA", "甲站", "Alpha yard", A.adcode, "rail_yard", frozenset({Mode.RAIL}), A.lat, A.lon),
        Hub("YB", "乙站", "Beta yard", B.adcode, "rail_yard", frozenset({Mode.RAIL}), B.lat, B.lon),
    )
    link = Link("R1", Mode.RAIL, A.adcode, B.adcode, 90.0, timetable=timetable)
    one_hour = replace(DEFAULT_HUB_KINDS["rail_yard"], transfer_hours=Sourced(1.0, "test"))
    parameters = Parameters(hub_kinds={**DEFAULT_HUB_KINDS, "rail_yard": one_hour})
    return Planner(Network(ReferenceData((A, B), hubs, (link,)), parameters))


def rail(planner: Planner, departure: datetime):
    request = RouteRequest("YA", "YB", Cargo(tonnes=1), departure, frozenset({Mode.RAIL}), objective="fastest")
    return planner.plan(request).routes[0]


def test_a_timetabled_train_waits_for_its_next_departure():
    planner = two_yards(Timetable.daily(10.0))
    route = rail(planner, datetime(2026, 3, 2, 8, tzinfo=UTC))  # a Monday; loaded by 09:00
    train = next(leg for leg in route.legs if leg.mode == Mode.RAIL)
    assert train.wait_hours == pytest.approx(1.0)
    assert train.departs == datetime(2026, 3, 2, 10, tzinfo=UTC)


def test_a_train_missed_today_leaves_tomorrow_and_weekday_timetables_skip_the_weekend():
    daily = rail(two_yards(Timetable.daily(10.0)), datetime(2026, 3, 2, 12, tzinfo=UTC))
    assert next(leg for leg in daily.legs if leg.mode == Mode.RAIL).departs == datetime(2026, 3, 3, 10, tzinfo=UTC)
    weekdays = two_yards(Timetable.daily(10.0, weekdays=(0, 1, 2, 3, 4)))
    friday_noon = rail(weekdays, datetime(2026, 3, 6, 12, tzinfo=UTC))
    assert next(leg for leg in friday_noon.legs if leg.mode == Mode.RAIL).departs == datetime(
        2026, 3, 9, 10, tzinfo=UTC
    )


def test_without_a_timetable_the_train_leaves_when_loaded():
    route = rail(two_yards(None), datetime(2026, 3, 2, 8, tzinfo=UTC))
    assert all(leg.wait_hours == 0 for leg in route.legs)


def test_a_link_through_a_city_without_a_hub_of_its_mode_passes_a_waypoint():
    network = Network(read_reference())
    waypoints = {(n.code, n.mode) for n in network.nodes if n.kind == "waypoint"}
    assert ("310000", Mode.RAIL) in waypoints  # Shanghai lists no rail freight hub
    for i, node in enumerate(network.nodes):
        if node.kind == "waypoint":
            assert all(network.edges[e].kind == "link" for e in network.out_edges[i])


def test_the_reference_network_skips_the_loop_without_endpoints_and_says_why():
    data = read_reference()
    assert [code for code, _ in data.skipped] == ["R05"]
    assert sum(link.derived and link.mode == Mode.AIR for link in data.links) == 10


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"speed_kmh": Sourced(0.0, "x")}, "rail.speed_kmh"),
        ({"cost_per_tkm": Sourced(-0.1, "x")}, "rail.cost_per_tkm"),
        ({"co2_kg_per_tkm": Sourced(float("nan"), "x")}, "rail.co2_kg_per_tkm"),
        ({"speed_kmh": Sourced(5000.0, "x")}, "rail.speed_kmh"),
    ],
)
def test_negative_zero_or_absurd_parameters_are_refused_naming_each(change, field):
    with pytest.raises(InvalidParameters) as error:
        Network(read_reference(), Parameters().with_mode(Mode.RAIL, **change))
    assert field in error.value.errors


@pytest.mark.parametrize("km", [-10.0, 0.0, float("nan"), 1e7])
def test_a_link_with_a_negative_zero_or_absurd_distance_is_refused(km):
    with pytest.raises(InvalidNetwork) as error:
        Network(ReferenceData((A, B), (), (Link("R9", Mode.RAIL, A.adcode, B.adcode, km),)))
    assert "R9.distance_km" in error.value.errors


def test_a_hub_of_an_unknown_city_or_kind_is_refused():
    hub = Hub("H", "站", "Hub", "999999", "spaceport", frozenset({Mode.AIR}), 31.0, 120.0)
    with pytest.raises(InvalidNetwork) as error:
        Network(ReferenceData((A, B), (hub,), ()))
    assert {"H.city", "H.kind"} <= set(error.value.errors)
