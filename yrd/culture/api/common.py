"""What the culture API's routers share: the error responses and reading a clock time."""

from datetime import time

from yrd.core.schemas import ApiError

ERRORS = {400: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}


def clock(text: str):
    """A time from "HH:MM"; unreadable text is passed on for the write to refuse by field."""
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        return text[:20]
