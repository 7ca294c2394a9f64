"""The one error the accounting engine raises: every problem found, keyed by the field it is about.

Like Django's ValidationError, callers get all problems at once (`errors`: field -> messages), so a
form or an import can show each one beside its field or row; nothing is computed from bad input."""


class AccountingError(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = {field: list(messages) for field, messages in errors.items() if messages}
        super().__init__("; ".join(f"{field}: {' '.join(messages)}" for field, messages in self.errors.items()))


class ErrorCollector:
    """Gathers messages per field while validating, then raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise AccountingError(self.errors)
