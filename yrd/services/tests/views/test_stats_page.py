"""The statistics page: charts readable, and consistent with the headline figures."""

import re
from pathlib import Path

from django.urls import reverse

from yrd.services.models import Mode
from yrd.services.tests.conftest import forwarded, submit
from yrd.services.views.stats import STATE_COLOURS

SERVICES_CSS = Path(__file__).parents[2] / "static" / "services" / "services.css"
CORE_CSS = Path(__file__).parents[3] / "core" / "static" / "core" / "yrd.css"


def test_the_pair_chart_says_joint_handling_counts_once_per_province(client, world):
    submit(world, mode=Mode.JOINT, handling=[world.jiangsu, world.anhui])
    response = client.get(reverse("services:stats"))
    pairs = response.context["charts"]["pairs"]["series"][0]["data"]
    assert response.context["figures"]["total"] == 1
    assert sum(n for _i, _j, n in pairs) == 2
    assert 'id="pairs-note"' in response.content.decode()


def test_the_state_donut_shows_each_count_in_the_badge_colours(client, world):
    forwarded(world)
    submit(world)
    submit(world)
    chart = client.get(reverse("services:stats")).context["charts"]["states"]
    assert "legend" in chart
    series = chart["series"][0]
    assert series["label"]["show"] and series["label"]["formatter"] == "{c}"
    assert {d["name"]: (d["value"], d["itemStyle"]["color"]) for d in series["data"]} == {
        "Forwarded to the competent authority (1)": (1, STATE_COLOURS["forwarded"]),
        "Submitted (2)": (2, STATE_COLOURS["submitted"]),
    }


def _rgb(colour):
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


def test_no_two_state_colours_look_alike_and_each_carries_white_text():
    colours = list(STATE_COLOURS.values())
    for i, a in enumerate(colours):
        for b in colours[i + 1 :]:
            assert sum(abs(x - y) for x, y in zip(_rgb(a), _rgb(b), strict=True)) >= 90, (a, b)
    for colour in colours:  # WCAG relative luminance: contrast with white >= 4.5
        channels = [c / 255 for c in _rgb(colour)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        assert 1.05 / (luminance + 0.05) >= 4.5, colour


def test_the_item_chart_puts_counts_and_working_days_on_separate_axes(client, world):
    submit(world)
    chart = client.get(reverse("services:stats")).context["charts"]["items"]
    assert [axis["position"] for axis in chart["xAxis"]] == ["bottom", "top"]
    assert [s.get("xAxisIndex", 0) for s in chart["series"]] == [0, 1]
    assert chart["legend"]["top"] == 0 and chart["grid"]["top"] >= 30


def test_the_heatmap_axes_name_places_not_states(client, world):
    submit(world)
    chart = client.get(reverse("services:stats"), HTTP_ACCEPT_LANGUAGE="zh-hans").context["charts"]["pairs"]
    assert (chart["xAxis"]["name"], chart["yAxis"]["name"]) == ("受理地", "办理地")


def test_the_state_colours_are_those_of_the_badges():
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})", CORE_CSS.read_text()))
    badges = {}
    for state, colour in re.findall(r"\.svc-state\.(\w+)\s*\{\s*background:\s*([^;]+);", SERVICES_CSS.read_text()):
        var = re.fullmatch(r"var\(--([\w-]+)\)", colour.strip())
        badges[state] = variables[var.group(1)] if var else colour.strip()
    assert {str(s): c for s, c in STATE_COLOURS.items()} == badges
