"""What the transport pages share: the refusal page, and form errors from a write's ValidationError."""

import uuid

from django.shortcuts import render


def forbidden(request, reason: str):
    return render(request, "transport/forbidden.html", {"reason": reason}, status=403)


def errors_onto(form, error) -> None:
    """Put a write's ValidationError on the form: on the field it names, else on the form itself."""
    for field, messages in getattr(error, "message_dict", {"__all__": error.messages}).items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


def new_key() -> str:
    return uuid.uuid4().hex


def city_points(jurisdictions) -> dict[int, list[float]]:
    return {j.pk: [float(j.longitude), float(j.latitude)] for j in jurisdictions if j.latitude is not None}
