"""What the engine says when it refuses something: a field, a stable code, a message template, its values.

Templates are English and marked with `gettext_noop` (a plain identity function here, so the engine
needs no Django settings); `makemessages` collects them into the app's catalogue and the app shows
`gettext(problem.template).format(**problem.params)` in the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


def gettext_noop(template: str) -> str:
    """Mark a message template for translation without translating it now."""
    return template


def plain(value):
    """A number as people write it in a message: 80 rather than 80.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field."""

    field: str
    code: str
    template: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


class InvalidVolume(ValueError):
    """Every problem found with a volume; `by_field()` gives {field: [messages]}."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems))

    def by_field(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for problem in self.problems:
            result.setdefault(problem.field, []).append(problem.message)
        return result
