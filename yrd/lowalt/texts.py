"""The engine's refusals in the reader's language."""

from django.utils.translation import gettext

from .conflicts import Problem


def problem_message(problem: Problem) -> str:
    return gettext(problem.template).format(**problem.params)


def problems_by_field(problems) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for problem in problems:
        result.setdefault(problem.field, []).append(problem_message(problem))
    return result
