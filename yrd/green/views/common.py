"""What the green pages share: turning a write's refusal into messages on the page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.errors import Conflict


def run_write(request, write, success: str, **kwargs):
    """Call `write`; on success flash `success` and return its result, else flash why and return None.
    Field errors are returned in `request.green_errors` for the form to show beside its fields."""
    request.green_errors = {}
    try:
        result = write(acting_user=request.user, **kwargs)
    except ValidationError as error:
        request.green_errors = getattr(error, "message_dict", {"__all__": error.messages})
        messages.error(request, _("Nothing was saved: please correct the problems shown."))
        return None
    except Conflict as error:
        messages.error(request, error.message)
        return None
    messages.success(request, success)
    return result
