"""Errors services raise on purpose; the API and pages turn each into a 4xx with its message."""


class Conflict(Exception):
    """The request is valid but the object's state does not allow it (HTTP 409)."""

    def __init__(self, message, code="conflict"):
        super().__init__(message)
        self.message, self.code = message, code
