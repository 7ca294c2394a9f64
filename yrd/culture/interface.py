"""What other modules may call from the culture module.

- `published_figures() -> dict`: the module's plan-tracker figures by stat code.
- `plan_milestones(task_code)`: the bid's milestones toward submission on a plan task, for the plan
  tracker (manifest `plan_milestones`).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from yrd.core.registry import LinkedMilestone
from yrd.culture import stats
from yrd.culture.selectors.bid import milestones


def published_figures() -> dict:
    return {
        "complete_components": stats.complete_components(),
        "park_projects_open": stats.park_projects_open(),
        "park_projects_building": stats.park_projects_building(),
        "visits_booked": stats.visits_booked(),
    }


def plan_milestones(task_code: str) -> list[LinkedMilestone]:
    """The bid's milestones on `task_code` (public, as the bid's progress is)."""
    url = reverse("culture:bid") + "#milestones"
    return [
        LinkedMilestone(
            title=m.name,
            due=m.due,
            done_on=m.done_on,
            source=m.component.resource.name if m.component else _("Water towns' World Heritage bid"),
            url=url,
        )
        for m in milestones().filter(plan_task=task_code)
    ]
