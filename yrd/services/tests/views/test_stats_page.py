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


def test_the_state_donut_uses_a_legend_and_the_badge_colours(client, world):
    forwarded(world)
    submit(world)
    chart = client.get(reverse("services:stats")).context["charts"]["states"]
    assert "legend" in chart
    series = chart["series"][0]
    assert series["label"] == {"show": False}
    assert {d["name"]: d["itemStyle"]["color"] for d in series["data"]} == {
        "Forwarded to the competent authority": "#7b4fb5",
        "Submitted": "#6b7c93",
    }


def test_the_item_chart_legend_is_clear_of_the_axis(client, world):
    submit(world)
    chart = client.get(reverse("services:stats")).context["charts"]["items"]
    assert chart["legend"] == {"top": 0}
    assert chart["grid"]["top"] >= 30


def test_the_state_colours_are_those_of_the_badges():
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})", CORE_CSS.read_text()))
    badges = {}
    for state, colour in re.findall(r"\.svc-state\.(\w+)\s*\{\s*background:\s*([^;]+);", SERVICES_CSS.read_text()):
        var = re.fullmatch(r"var\(--([\w-]+)\)", colour.strip())
        badges[state] = variables[var.group(1)] if var else colour.strip()
    assert {str(s): c for s, c in STATE_COLOURS.items()} == badges
