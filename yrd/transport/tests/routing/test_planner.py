"""Planning on the reference network of the Yangtze River Delta: answers a freight planner can rely on,
and a specific error for every kind of bad request."""

from datetime import UTC, datetime, timedelta

import pytest

from yrd.transport.routing import (
    Cargo,
    CargoNotCarried,
    DeadlineUnmeetable,
    InvalidRequest,
    Mode,
    PlaceOutsideNetwork,
    RouteRequest,
    UnknownPlace,
    Unreachable,
    reference_planner,
)
from yrd.transport.routing.search import EPS

MONDAY_8 = datetime(2026, 3, 2, 8, tzinfo=UTC)
ANQING, NINGBO, SHANGHAI, HEFEI, WENZHOU, LISHUI = "340800", "330200", "310000", "340100", "330300", "331100"


@pytest.fixture(scope="module")
def planner():
    return reference_planner()


def request(origin=ANQING, destination=NINGBO, **kw):
    kw.setdefault("cargo", Cargo(tonnes=100))
    kw.setdefault("departure", MONDAY_8)
    return RouteRequest(origin, destination, **kw)


def test_every_city_reaches_every_other_city(planner):
    cities = list(planner.network.cities)
    hours = planner.travel_time_matrix(cities, cities)
    assert hours.shape == (41, 41)
    assert (hours < float("inf")).all()
    assert (hours.diagonal() == 0).all()


def test_every_city_has_road_access_to_a_hub(planner):
    for adcode in planner.network.cities:
        node = planner.network.resolve(adcode, "origin")[1][0].node
        heads = {planner.network.edges[i].head for i in planner.network.out_edges[node]}
        assert any(planner.network.nodes[h].kind == "hub" for h in heads), adcode


def test_the_pareto_front_holds_no_dominated_route_and_its_three_bests(planner):
    plan = planner.plan(request())
    assert len(plan.routes) > 1
    vectors = [(r.cost, r.hours, r.co2_kg) for r in plan.routes]
    for a in vectors:
        for b in vectors:
            assert a == b or not all(x <= y for x, y in zip(a, b, strict=True))
    assert plan.cheapest.cost == min(v[0] for v in vectors)
    assert plan.fastest.hours == min(v[1] for v in vectors)
    assert plan.greenest.co2_kg == min(v[2] for v in vectors)


@pytest.mark.parametrize("objective", ["cheapest", "fastest", "greenest"])
def test_a_single_objective_finds_the_best_of_the_front(planner, objective):
    front = planner.plan(request())
    single = planner.plan(request(objective=objective))
    attribute = {"cheapest": "cost", "fastest": "hours", "greenest": "co2_kg"}[objective]
    assert len(single.routes) == 1
    assert getattr(single.routes[0], attribute) == pytest.approx(getattr(getattr(front, objective), attribute))


def test_totals_are_the_sums_of_legs_and_transfers(planner):
    for route in planner.plan(request()).routes:
        assert route.cost == pytest.approx(sum(leg.cost for leg in route.legs) + sum(t.cost for t in route.transfers))
        assert route.co2_kg == pytest.approx(sum(leg.co2_kg for leg in route.legs))
        assert route.arrives == route.departs + timedelta(hours=route.hours)
        assert sum(route.tonne_km_by_mode.values()) == pytest.approx(route.km * 100)
        clock = route.departs
        for leg in route.legs:
            assert leg.departs >= clock - timedelta(seconds=1)
            clock = leg.arrives


def test_legs_name_their_mode_and_the_transfers_name_their_hub(planner):
    greenest = planner.plan(request()).greenest
    last = greenest.legs[-1].destination
    assert last.code == NINGBO or planner.network.hubs[last.code].city == NINGBO
    assert Mode.RIVER in greenest.modes or Mode.RAIL in greenest.modes
    for transfer in greenest.transfers:
        assert transfer.hub.kind == "hub"
        # a zero-length drayage leg (a hub placed at its city's centre) is left out of the legs
        if transfer.from_mode != Mode.ROAD:
            assert any(
                leg.destination.code == transfer.hub.code and leg.mode == transfer.from_mode for leg in greenest.legs
            )
        if transfer.to_mode != Mode.ROAD:
            assert any(leg.origin.code == transfer.hub.code and leg.mode == transfer.to_mode for leg in greenest.legs)
    assert all(leg.km > 0 or leg.wait_hours > 0 for leg in greenest.legs)


def test_cargo_scales_cost_and_co2_but_not_time(planner):
    small = planner.plan(request(cargo=Cargo(tonnes=10), objective="cheapest")).routes[0]
    large = planner.plan(request(cargo=Cargo(tonnes=20), objective="cheapest")).routes[0]
    assert large.cost == pytest.approx(2 * small.cost)
    assert large.co2_kg == pytest.approx(2 * small.co2_kg)
    assert large.hours == pytest.approx(small.hours)


def test_teu_are_converted_with_the_tonnes_per_teu_parameter(planner):
    by_teu = planner.plan(request(cargo=Cargo(teu=3), objective="cheapest"))
    by_tonnes = planner.plan(request(cargo=Cargo(tonnes=30), objective="cheapest"))
    assert by_teu.tonnes == 30
    assert by_teu.routes[0].cost == pytest.approx(by_tonnes.routes[0].cost)


AIRPORTS = {"PVG", "HGH", "NKG", "HFE", "WHA"}


def test_cargo_allowed_to_fly_flies_between_cargo_airports(planner):
    route = planner.plan(request(SHANGHAI, HEFEI, cargo=Cargo(tonnes=5), modes=frozenset({Mode.AIR}))).routes[0]
    assert Mode.AIR in route.modes
    assert {t.hub.code for t in route.transfers} <= AIRPORTS


def test_dangerous_goods_never_fly_nor_pass_an_airport(planner):
    dangerous = Cargo(tonnes=5, dangerous_goods=True)
    plan = planner.plan(request(SHANGHAI, HEFEI, cargo=dangerous, modes=frozenset({Mode.AIR, Mode.ROAD})))
    for route in plan.routes:
        assert route.modes == (Mode.ROAD,)
        assert not {leg.destination.code for leg in route.legs} & AIRPORTS


def test_cargo_no_allowed_mode_can_carry_is_refused_with_the_reasons(planner):
    with pytest.raises(CargoNotCarried, match="Air does not carry dangerous goods") as error:
        planner.plan(request(cargo=Cargo(tonnes=5, dangerous_goods=True), modes=frozenset({Mode.AIR})))
    assert error.value.field == "modes"
    with pytest.raises(CargoNotCarried, match="at most 100 t"):
        planner.plan(request(cargo=Cargo(tonnes=500), modes=frozenset({Mode.AIR})))


def test_dangerous_goods_from_an_airport_are_refused(planner):
    with pytest.raises(CargoNotCarried, match="PVG") as error:
        planner.plan(request("PVG", HEFEI, cargo=Cargo(tonnes=5, dangerous_goods=True)))
    assert error.value.field == "origin"


def test_a_destination_the_allowed_modes_cannot_reach_is_unreachable(planner):
    with pytest.raises(Unreachable) as error:
        planner.plan(request(HEFEI, WENZHOU, modes=frozenset({Mode.SEA})))
    assert error.value.field == "destination"
    assert planner.travel_time(HEFEI, WENZHOU, modes=["sea"]) is None


def test_a_deadline_no_route_meets_says_how_long_the_fastest_takes(planner):
    with pytest.raises(DeadlineUnmeetable, match="fastest allowed route takes") as error:
        planner.plan(request(deadline=MONDAY_8 + timedelta(hours=2)))
    assert error.value.field == "deadline"


def test_a_deadline_keeps_only_routes_that_arrive_in_time(planner):
    deadline = MONDAY_8 + timedelta(hours=40)
    plan = planner.plan(request(deadline=deadline))
    assert plan.routes and all(r.arrives <= deadline + timedelta(seconds=EPS) for r in plan.routes)
    cheapest = planner.plan(request(deadline=deadline, objective="cheapest")).routes[0]
    assert cheapest.cost == pytest.approx(plan.cheapest.cost)
    assert cheapest.cost > planner.plan(request()).cheapest.cost  # the cheapest overall takes longer


@pytest.mark.parametrize(
    ("cargo", "field", "message"),
    [
        (Cargo(tonnes=-5), "tonnes", "more than zero"),
        (Cargo(tonnes=0), "tonnes", "more than zero"),
        (Cargo(tonnes=float("nan")), "tonnes", "finite"),
        (Cargo(tonnes=float("inf")), "tonnes", "finite"),
        (Cargo(tonnes=5e9), "tonnes", "at most"),
        (Cargo(teu=-1), "teu", "more than zero"),
        (Cargo(tonnes=1, teu=1), "cargo", "either"),
        (Cargo(), "cargo", "either"),
    ],
)
def test_negative_or_absurd_cargo_is_refused_naming_the_field(planner, cargo, field, message):
    with pytest.raises(InvalidRequest, match=message) as error:
        planner.plan(request(cargo=cargo))
    assert error.value.field == field


@pytest.mark.parametrize("place", ["999999", "NO_SUCH_HUB", "", None, 42])
def test_an_unknown_place_is_refused_naming_the_field(planner, place):
    with pytest.raises(UnknownPlace) as error:
        planner.plan(request(destination=place))
    assert error.value.field == "destination"


def test_a_point_is_snapped_to_the_network_with_a_road_access_leg(planner):
    plan = planner.plan(request((31.30, 121.10), NINGBO, objective="fastest"))
    first = plan.routes[0].legs[0]
    assert first.mode == Mode.ROAD and first.origin.kind == "point"
    assert first.km > 0


@pytest.mark.parametrize(("point", "error"), [((45.0, 90.0), PlaceOutsideNetwork), ((91.0, 10.0), InvalidRequest)])
def test_a_point_far_from_the_network_or_off_the_globe_is_refused(planner, point, error):
    with pytest.raises(error):
        planner.plan(request(point, NINGBO))


def test_a_deadline_before_the_departure_is_refused(planner):
    with pytest.raises(InvalidRequest, match="after the departure"):
        planner.plan(request(deadline=MONDAY_8 - timedelta(hours=1)))


def test_an_unknown_objective_or_no_mode_is_refused(planner):
    with pytest.raises(InvalidRequest) as error:
        planner.plan(request(objective="shortest"))
    assert error.value.field == "objective"
    with pytest.raises(InvalidRequest) as error:
        planner.plan(request(modes=frozenset()))
    assert error.value.field == "modes"


def test_travel_time_matrix_agrees_with_travel_time_and_fastest_route(planner):
    places = [SHANGHAI, "NJ_PORT", (30.5, 120.0), LISHUI]
    matrix = planner.travel_time_matrix(places, places)
    for i, a in enumerate(places):
        for j, b in enumerate(places):
            assert matrix[i, j] == pytest.approx(planner.travel_time(a, b))
    fastest = planner.plan(request(SHANGHAI, LISHUI, objective="fastest")).routes[0]
    assert matrix[0, 3] == pytest.approx(fastest.hours)


def test_road_only_is_never_faster_than_every_mode(planner):
    cities = list(planner.network.cities)
    road = planner.travel_time_matrix(cities, cities, modes=[Mode.ROAD])
    every = planner.travel_time_matrix(cities, cities)
    assert (every <= road + 1e-9).all()
