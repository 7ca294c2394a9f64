"""Chart options: the map's city names stay readable on every fill."""

from datetime import date
from types import SimpleNamespace

from yrd.plan import charts


def _map(percent_by_code):
    cities = {
        code: (SimpleNamespace(name=f"City {code}"), 0 if percent is None else 3, percent)
        for code, percent in percent_by_code.items()
    }
    return {d["name"]: d for d in charts.city_map(cities)["series"][0]["data"]}


def test_city_names_on_dark_fills_are_white_with_an_outline():
    data = _map({"320100": 95, "320200": 80})
    for item in data.values():
        assert item["label"]["color"] == "#ffffff"
        assert item["label"]["textBorderWidth"] > 0


def test_city_names_on_light_fills_keep_the_dark_text():
    data = _map({"320100": 10, "320200": 60})
    assert all("label" not in item for item in data.values())


def _luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(a, b):
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _gantt():
    plan = SimpleNamespace(start=date(2024, 1, 1), end=date(2026, 12, 31))
    tasks = [
        SimpleNamespace(
            pk=n, code=f"1.0{n}", title=f"Task {n}", start=date(2024, n, 1), end=date(2025, n, 28), status=status
        )
        for n, status in enumerate(charts.STATUS_COLOURS, start=1)
    ]
    for task in tasks:
        task.latest_percent = 50
    milestones = {
        t.pk: [
            SimpleNamespace(title="done", due_date=date(2024, 9, 1), done_date=date(2024, 8, 20)),
            SimpleNamespace(title="open", due_date=date(2025, 3, 1), done_date=None),
        ]
        for t in tasks
    }
    return tasks, charts.gantt(tasks, milestones, plan, date(2024, 12, 1))


def test_each_milestone_is_drawn_on_its_tasks_bar():
    tasks, chart = _gantt()
    markers = [s for s in chart["series"] if s["type"] == "scatter"]
    rows = sorted(point["value"][1] for series in markers for point in series["data"])
    assert rows == sorted([row for row in range(len(tasks))] * 2)


def test_milestone_markers_stand_out_on_a_bar_of_every_status_colour():
    _tasks, chart = _gantt()
    for series in (s for s in chart["series"] if s["type"] == "scatter"):
        style = series["itemStyle"]
        for bar in charts.STATUS_COLOURS.values():
            assert max(_contrast(style["color"], bar), _contrast(style["borderColor"], bar)) >= 3, (series["name"], bar)


def _heatmap():
    areas = [SimpleNamespace(pk=1, number=1), SimpleNamespace(pk=2, number=2)]
    provinces = [SimpleNamespace(code="310000", name="Shanghai"), SimpleNamespace(code="320000", name="Jiangsu")]
    cells = {(1, "310000"): (3, 12.0), (2, "320000"): (1, 95.0)}
    return charts.area_province_heatmap(areas, provinces, cells)


def test_a_heatmap_cell_without_tasks_says_so_and_is_not_coloured_as_little_progress():
    chart = _heatmap()
    data = {tuple(item["value"][:2]): item for item in chart["series"][0]["data"]}
    assert len(data) == 4  # every area x province, empty ones included
    empty = data[(1, 0)]  # area 2 in Shanghai
    assert empty["value"][2] == charts.NO_TASKS and "No tasks" in empty["tooltip"]["formatter"]
    pieces = chart["visualMap"]["pieces"]
    (no_tasks,) = [p for p in pieces if p.get("value") == charts.NO_TASKS]
    assert no_tasks["label"] == "No tasks"
    assert no_tasks["color"] not in {p["color"] for p in pieces if p is not no_tasks}
    assert data[(0, 0)]["value"][2] == 12.0  # little progress is still a band of its own


def test_a_city_without_tasks_is_marked_no_tasks_on_the_map():
    data = _map({"320100": None})
    assert data["City 320100"]["value"] == charts.NO_TASKS
