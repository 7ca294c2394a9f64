"""The error the planning engine raises for bad input: every problem, keyed by the input it is about."""


class PlanningInputError(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = {name: list(messages) for name, messages in errors.items() if messages}
        super().__init__("; ".join(f"{name}: {' '.join(messages)}" for name, messages in self.errors.items()))


class InfeasiblePlan(RuntimeError):
    """The solver proved that no plan meets demand under the constraints (or the status it returned)."""
