"""With the transport module installed, a route is ordered by minutes over its network."""

from yrd.culture.routes import NETWORK, STRAIGHT, travel_costs


def test_travel_times_come_from_the_transport_network_when_it_is_on(reference, settings):
    settings.CULTURE_ROUTES_OVER_NETWORK = True
    points = [(120.8497, 31.1163), (121.4737, 31.2304), (120.4876, 30.7447)]  # Zhouzhuang, Shanghai, Wuzhen
    cost, basis = travel_costs(points)
    assert basis == NETWORK, cost
    assert all(cost[i][i] == 0 for i in range(3))
    assert 20 < cost[0][1] < 600  # minutes from Zhouzhuang to Shanghai


def test_switched_off_it_falls_back_to_straight_lines(settings):
    settings.CULTURE_ROUTES_OVER_NETWORK = False
    cost, basis = travel_costs([(120.8497, 31.1163), (121.4737, 31.2304)])
    assert basis == STRAIGHT and 55 < cost[0][1] < 65
