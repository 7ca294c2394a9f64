"""The engine's refusals in the reader's language."""

from django.utils.translation import gettext

from .conflicts import Problem
from .models import Aircraft


def problem_message(problem: Problem) -> str:
    params = dict(problem.params)
    if "aircraft_class" in params:  # the engine names the class by its code; say it in words
        params["aircraft_class"] = str(Aircraft.Class(params["aircraft_class"]).label)
    return gettext(problem.template).format(**params)


def problems_by_field(problems) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for problem in problems:
        result.setdefault(problem.field, []).append(problem_message(problem))
    return result
