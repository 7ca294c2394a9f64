"""Chart options: the map's city names stay readable on every fill."""

from types import SimpleNamespace

from yrd.plan import charts


def _map(percent_by_code):
    cities = {code: (SimpleNamespace(name=f"City {code}"), 3, percent) for code, percent in percent_by_code.items()}
    return {d["name"]: d for d in charts.city_map(cities)["series"][0]["data"]}


def test_city_names_on_dark_fills_are_white_with_an_outline():
    data = _map({"320100": 95, "320200": 80})
    for item in data.values():
        assert item["label"]["color"] == "#ffffff"
        assert item["label"]["textBorderWidth"] > 0


def test_city_names_on_light_fills_keep_the_dark_text():
    data = _map({"320100": 10, "320200": 60})
    assert all("label" not in item for item in data.values())
