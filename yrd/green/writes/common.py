"""What the green writes share: one way to turn engine errors into a form's field errors."""

from django.core.exceptions import ValidationError

from yrd.green.accounting import AccountingError
from yrd.green.planning.errors import PlanningInputError


def as_validation_error(error: AccountingError | PlanningInputError) -> ValidationError:
    return ValidationError({field: list(messages) for field, messages in error.errors.items()})
