"""What the innovation pages share: a refused write becomes messages on the page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from yrd.core.errors import Conflict


def attempt(request, call, done: str = ""):
    """Run a write; on refusal flash each reason and return None, on success flash `done`."""
    try:
        result = call()
    except ValidationError as error:
        texts = (
            [m for ms in error.message_dict.values() for m in ms] if hasattr(error, "error_dict") else error.messages
        )
        for text in texts:
            messages.error(request, text)
        return None
    except Conflict as error:
        messages.error(request, error.message)
        return None
    except PermissionDenied as error:
        messages.error(request, str(error) or _("You may not do this."))
        return None
    if done:
        messages.success(request, done)
    return result
