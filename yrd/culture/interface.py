"""What other modules may call from the culture module.

- `published_figures() -> dict`: the module's plan-tracker figures by stat code.
"""

from yrd.culture import stats


def published_figures() -> dict:
    return {
        "complete_components": stats.complete_components(),
        "park_projects_open": stats.park_projects_open(),
        "park_projects_building": stats.park_projects_building(),
        "visits_booked": stats.visits_booked(),
    }
