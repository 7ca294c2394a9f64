"""Background work of the green module: solving a planning scenario. Runs on a Celery worker when a
broker is configured, inline otherwise (yrd.core.jobs); progress is written to the scenario so the
page can show it while the solver works."""

from celery import shared_task
from django.utils import timezone

from yrd.green.models import Scenario
from yrd.green.planning.errors import InfeasiblePlan, PlanningInputError
from yrd.green.planning.model import build, solve_built
from yrd.green.scenarios import chart_series, compact, system_of


def progress(scenario: Scenario, percent: int, status: str, message: str = "") -> None:
    scenario.progress, scenario.status, scenario.message = percent, status, message[:500]
    scenario.save(update_fields=["progress", "status", "message"])


@shared_task(name="green.solve_scenario", ignore_result=True)
def solve_scenario(scenario_id: int) -> None:
    scenario = Scenario.objects.get(pk=scenario_id)
    progress(scenario, 5, Scenario.Status.RUNNING, "Building hourly profiles")
    try:
        system = system_of(scenario.inputs)
        progress(scenario, 20, Scenario.Status.RUNNING, "Building the linear program")
        built = build(system)
        progress(scenario, 35, Scenario.Status.RUNNING, "Solving with HiGHS")
        result = solve_built(built)
    except (PlanningInputError, InfeasiblePlan) as error:
        progress(scenario, 100, Scenario.Status.FAILED, str(error))
        return
    scenario.result, scenario.series = compact(system, result), chart_series(system, result)
    scenario.solved_at = timezone.now()
    scenario.save(update_fields=["result", "series", "solved_at"])
    progress(scenario, 100, Scenario.Status.DONE)
