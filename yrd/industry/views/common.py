"""What the industry pages share: running a write and turning its refusal into messages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction


def run_write(request, write, success: str, **kwargs):
    """Call `write`; flash `success` and return its result, or flash why and return None (field
    errors in `request.industry_errors`)."""
    request.industry_errors = {}
    try:
        result = write(acting_user=request.user, **kwargs)
    except ValidationError as error:
        request.industry_errors = getattr(error, "message_dict", {"__all__": error.messages})
        messages.error(request, _("Nothing was saved: please correct the problems shown."))
        return None
    except (Conflict, PermissionDenied) as error:
        messages.error(request, getattr(error, "message", None) or str(error))
        return None
    messages.success(request, success)
    return result


def refused(request, title: str, reason: str):
    return render(request, "industry/refused.html", {"title": title, "reason": reason}, status=403)


def city_names() -> dict[str, str]:
    return {c.code: c.name for c in Jurisdiction.objects.filter(level="city")}
