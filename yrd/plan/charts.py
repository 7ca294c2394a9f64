"""ECharts options for the plan pages, built as plain dicts. They travel to the page with
`json_script` and yrd.js draws them (no inline scripts: the CSP forbids them), so an option holds
no functions: tooltips and labels are pre-formatted strings, per data item where they vary."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from yrd.core.numbers import format_number
from yrd.plan.status import STATUS_ORDER, Status

STATUS_COLOURS = {
    Status.NOT_STARTED: "#8a94a3",
    Status.ON_TRACK: "#1d4e89",
    Status.AT_RISK: "#d98e04",
    Status.MILESTONE_OVERDUE: "#8e3b9e",
    Status.OVERDUE: "#c62828",
    Status.DONE: "#2e7d32",
}
ACCENT = "#1d4e89"
SCALE = ["#d9e6f6", "#b9d0ea", "#6f9fd2", "#2f6bb0", "#123a6b"]
PERCENT_BANDS = [  # bands of % done, for the heatmap and the map
    {"gte": 90, "label": "≥ 90%", "color": SCALE[4]},
    {"gte": 75, "lt": 90, "label": "75–90%", "color": SCALE[3]},
    {"gte": 50, "lt": 75, "label": "50–75%", "color": SCALE[2]},
    {"gte": 25, "lt": 50, "label": "25–50%", "color": SCALE[1]},
    {"gte": 0, "lt": 25, "label": "< 25%", "color": SCALE[0]},
]
NO_TASKS = -1  # the value of a cell or a city without tasks: marked as such, never as "< 25%"
NO_TASKS_COLOUR = "#e6e6e6"  # neutral grey: not a shade of the blue progress scale


def _bands():
    """The legend: the bands of % done, and "no tasks" apart from them."""
    return [*PERCENT_BANDS, {"value": NO_TASKS, "label": _("No tasks"), "color": NO_TASKS_COLOUR}]


TEXT = {"fontFamily": "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"}


def area_label(area):
    return _("Area %(number)s") % {"number": area.number} if area else _("Area not stated")


def area_groups(area_list, per_area):
    """[(area or None, figures)] for the areas that have tasks, plus tasks with no area last."""
    groups = [(area, per_area[area.pk]) for area in area_list if area.pk in per_area]
    if None in per_area:
        groups.append((None, per_area[None]))
    return groups


def _tip(*lines):
    return "<br>".join(escape(str(line)) for line in lines)


def area_progress(groups):
    """Bar chart: average % done per area."""
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "grid": {"left": 48, "right": 16, "top": 24, "bottom": 40},
        "xAxis": {
            "type": "category",
            "data": [area_label(a) for a, _f in groups],
            "axisLabel": {"interval": 0, "rotate": 30 if len(groups) > 6 else 0},
        },
        "yAxis": {"type": "value", "min": 0, "max": 100, "name": "%"},
        "series": [
            {
                "type": "bar",
                "name": _("Average progress"),
                "barMaxWidth": 42,
                "itemStyle": {"color": ACCENT},
                "label": {"show": True, "position": "top", "formatter": "{c}%"},
                "data": [
                    {
                        "value": f["percent"],
                        "tooltip": {
                            "formatter": _tip(
                                a.title if a else area_label(a),
                                _("%(percent)s%% done on average over %(count)s tasks")
                                % {"percent": f["percent"], "count": format_number(f["tasks"])},
                            )
                        },
                    }
                    for a, f in groups
                ],
            }
        ],
    }


def area_statuses(groups):
    """Stacked bars: tasks per derived status in each area."""
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 0, "itemWidth": 14, "itemHeight": 10, "itemGap": 8},
        "grid": {"left": 40, "right": 16, "top": 64, "bottom": 40},
        "xAxis": {
            "type": "category",
            "data": [area_label(a) for a, _f in groups],
            "axisLabel": {"interval": 0, "rotate": 30 if len(groups) > 6 else 0},
        },
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [
            {
                "type": "bar",
                "stack": "status",
                "name": str(status.label),
                "barMaxWidth": 42,
                "itemStyle": {"color": STATUS_COLOURS[status]},
                "data": [f["statuses"].get(status, 0) for _a, f in groups],
            }
            for status in STATUS_ORDER
        ],
    }


def status_pie(statuses):
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item", "formatter": "{b}: {c} ({d}%)"},
        "legend": {"bottom": 0},
        "series": [
            {
                "type": "pie",
                "radius": ["36%", "66%"],
                "center": ["50%", "45%"],
                "label": {"position": "inside", "formatter": "{c}", "color": "#ffffff", "fontWeight": "bold"},
                "data": [
                    {
                        "name": str(status.label),
                        "value": statuses.get(status, 0),
                        "itemStyle": {"color": STATUS_COLOURS[status]},
                    }
                    for status in STATUS_ORDER
                    if statuses.get(status, 0)
                ],
            }
        ],
    }


def area_province_heatmap(area_list, province_list, cells, has_unassigned=False):
    """Heatmap: colour = average % done, label = number of tasks, per area and province."""
    rows = [*area_list, *([None] if has_unassigned else [])]
    data = []
    for y, area in enumerate(rows):
        for x, province in enumerate(province_list):
            count, percent = cells.get((area.pk if area else None, province.code), (0, None))
            if not count:
                data.append(_empty_cell(x, y, f"{area_label(area)} · {province.name}"))
                continue
            data.append(
                {
                    "value": [x, y, percent],
                    "label": {"formatter": str(count)},
                    "tooltip": {
                        "formatter": _tip(
                            f"{area_label(area)} · {province.name}",
                            _("%(count)s tasks, %(percent)s%% done on average")
                            % {"count": format_number(count), "percent": percent},
                        )
                    },
                }
            )
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "grid": {"left": 90, "right": 24, "top": 16, "bottom": 72},
        "xAxis": {"type": "category", "data": [p.name for p in province_list]},
        "yAxis": {"type": "category", "data": [area_label(a) for a in rows], "inverse": True},
        "visualMap": {
            "type": "piecewise",
            "pieces": _bands(),
            "orient": "horizontal",
            "left": "center",
            "bottom": 0,
            "dimension": 2,
        },
        "series": [
            {
                "type": "heatmap",
                "name": _("Average progress"),
                "data": data,
                "label": {
                    "show": True,
                    "fontSize": 14,
                    "fontWeight": "bold",
                    "color": "#1f2933",
                    "backgroundColor": "rgba(255,255,255,0.75)",
                    "padding": [2, 5],
                    "borderRadius": 3,
                },
                "itemStyle": {"borderColor": "#dde3ea", "borderWidth": 1},
                "emphasis": {"itemStyle": {"borderColor": "#1f2933", "borderWidth": 1}},
            }
        ],
    }


def _empty_cell(x, y, where):
    """A cell without tasks: grey, dashed, labelled "no tasks"."""
    return {
        "value": [x, y, NO_TASKS],
        "label": {
            "formatter": _("no tasks"),
            "fontSize": 11,
            "fontWeight": "normal",
            "color": "#7b8794",
            "backgroundColor": "transparent",
        },
        "itemStyle": {"borderColor": "#b8c2cc", "borderType": "dashed", "borderWidth": 1},
        "tooltip": {"formatter": _tip(where, _("No tasks"))},
    }


# A city name on a dark fill: white with a dark outline, readable on any band and on the border.
LIGHT_LABEL = {"color": "#ffffff", "textBorderColor": "#0b1f3a", "textBorderWidth": 2}


def _band_colour(percent):
    for band in PERCENT_BANDS:
        if band.get("gte", 0) <= percent < band.get("lt", 101):
            return band["color"]
    return SCALE[0]


def _is_dark(colour):
    """Relative luminance (sRGB, approximate) under one half: dark text would not read on it."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5


def city_map(cities, map_name="yrd"):
    """Map of the 41 cities: colour = average % done of the tasks led or co-led by the city or its
    province. `cities` is selectors.per_city(): {adcode: (city, tasks, percent)}."""
    names, data = {}, []
    for code, (city, count, percent) in sorted(cities.items()):
        names[code] = city.name
        if count:
            tip = _tip(
                city.name,
                _("%(count)s tasks, %(percent)s%% done on average")
                % {"count": format_number(count), "percent": percent},
            )
        else:
            tip = _tip(city.name, _("No tasks"))
        value = percent if count else NO_TASKS
        item = {"name": city.name, "value": value, "tasks": count, "tooltip": {"formatter": tip}}
        if count and _is_dark(_band_colour(percent)):
            item["label"] = LIGHT_LABEL
        data.append(item)
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "visualMap": {"type": "piecewise", "pieces": _bands(), "left": 8, "bottom": 8},
        "series": [
            {
                "type": "map",
                "map": map_name,
                "nameProperty": "adcode",
                "nameMap": names,
                "name": _("Average progress"),
                "roam": True,
                "layoutCenter": ["55%", "50%"],
                "layoutSize": "95%",
                "label": {"show": True, "fontSize": 10, "color": "#1f2933"},
                "itemStyle": {"areaColor": "#f0f1f3", "borderColor": "#ffffff", "borderWidth": 0.8},
                "emphasis": {"label": {"show": True}, "itemStyle": {"areaColor": "#f2c14e"}},
                "select": {"disabled": True},
                "data": data,
            }
        ],
    }


def _ms(day):
    """Milliseconds since the epoch at noon of `day` in the site's time zone (for a time axis)."""
    moment = timezone.make_aware(datetime.combine(day, time(12)))
    return int(moment.timestamp() * 1000)


def _short(text, width=40):
    """`text` cut to about `width` columns, a Chinese character counting as two."""
    used = 0
    for n, char in enumerate(text):
        used += 2 if ord(char) > 0x2E7F else 1
        if used > width:
            return text[:n].rstrip() + "…"
    return text


def gantt(tasks, milestones, plan, on_day):
    """Timeline of `tasks` (one row each, first at the top): a bar from start to end coloured by
    status, the milestones as markers, a line for today. Bars are stacked on a transparent
    offset bar, which is how a bar chart draws from a start date instead of from zero; ECharts
    stacks only on a value axis, so the bars use a hidden value axis laid exactly over the visible
    time axis (same extent in milliseconds)."""
    labels = [f"{t.code}  {_short(t.title)}" for t in tasks]
    days = [day for t in tasks for m in milestones.get(t.pk, []) for day in (m.due_date, m.done_date) if day]
    first = min([plan.start, *(t.start for t in tasks), *days])
    last = max([plan.end, *(t.end for t in tasks), *days])
    offsets, spans, marks = [], [], {"done": [], "open": [], "late": []}
    for row, task in enumerate(tasks):
        offsets.append(_ms(task.start))
        spans.append(
            {
                "value": _ms(task.end) - _ms(task.start),
                "itemStyle": {"color": STATUS_COLOURS[task.status]},
                "label": {"formatter": f"{task.latest_percent or 0}%"},
                "tooltip": {
                    "formatter": _tip(
                        f"{task.code} {task.title}",
                        f"{task.start:%Y-%m-%d} – {task.end:%Y-%m-%d}",
                        f"{task.status.label} · {task.latest_percent or 0}%",
                    )
                },
            }
        )
        for milestone in milestones.get(task.pk, []):
            if milestone.done_date:
                kind = "done"
            else:
                kind = "late" if milestone.due_date < on_day else "open"
            when = milestone.done_date or milestone.due_date
            marks[kind].append(
                {
                    "value": [_ms(when), row],
                    "tooltip": {
                        "formatter": _tip(
                            milestone.title,
                            _("due %(due)s") % {"due": f"{milestone.due_date:%Y-%m-%d}"},
                            _("done %(done)s") % {"done": f"{milestone.done_date:%Y-%m-%d}"}
                            if milestone.done_date
                            else _("not done"),
                        )
                    },
                }
            )
    # (legend, fill, border, symbol): each marker keeps a contrast of 3:1 or more with a bar of any
    # status colour, by its fill or by its border, so that it shows on the bar it sits on.
    marker_styles = {
        "done": (_("Milestone done"), "#1f2933", "#ffffff", "diamond"),
        "open": (_("Milestone open"), "#ffffff", "#1f2933", "diamond"),
        "late": (_("Milestone overdue"), "#ffd54f", "#7f1d1d", "triangle"),
    }
    series = [
        {
            "type": "bar",
            "stack": "gantt",
            "silent": True,
            "itemStyle": {"color": "rgba(0,0,0,0)"},
            "tooltip": {"show": False},
            "data": offsets,
            "barWidth": 14,
            "xAxisIndex": 1,
        },
        {
            "type": "bar",
            "stack": "gantt",
            "name": _("Task"),
            "barWidth": 14,
            "data": spans,
            "xAxisIndex": 1,
            "label": {"show": True, "position": "insideLeft", "color": "#ffffff", "fontSize": 10},
            "markLine": {
                "silent": True,
                "symbol": "none",
                "lineStyle": {"color": "#b7202e", "type": "dashed"},
                "label": {"formatter": _("today"), "position": "start"},
                "data": [{"xAxis": _ms(on_day)}],
            },
        },
    ]
    for kind, (name, fill, border, symbol) in marker_styles.items():
        series.append(
            {
                "type": "scatter",
                "name": name,
                "symbol": symbol,
                "symbolSize": 13,
                "z": 5,
                "itemStyle": {"color": fill, "borderColor": border, "borderWidth": 1.5},
                "data": marks[kind],
            }
        )
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "legend": {"top": 0, "data": [style[0] for style in marker_styles.values()]},
        # A fixed label column, so the time axes of the per-area charts line up.
        "grid": {"left": 250, "right": 24, "top": 36, "bottom": 28, "outerBoundsMode": "none"},
        "xAxis": [
            {
                "type": "time",
                "min": _ms(first),
                "max": _ms(last),
                "splitLine": {"show": True, "lineStyle": {"color": "#eef1f5"}},
            },
            {"type": "value", "min": _ms(first), "max": _ms(last), "show": False, "scale": True},
        ],
        "yAxis": {
            "type": "category",
            "data": labels,
            "inverse": True,
            "axisLabel": {"fontSize": 11, "width": 238, "overflow": "truncate"},
            "axisTick": {"show": False},
        },
        "series": series,
    }
