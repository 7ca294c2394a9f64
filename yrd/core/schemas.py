"""Schemas every module's API shares."""

from ninja import Field, Schema


class ApiError(Schema):
    """The error shape of every yrd API endpoint (made in yrd/api.py)."""

    code: str = Field(description="Machine-readable reason, e.g. invalid, forbidden, not_found")
    message: str = Field(description="A sentence for people, in the request's language")
    errors: dict[str, list[str]] | list[dict] | None = Field(
        None, description="Field -> messages (400), or schema errors with their location (422)"
    )
