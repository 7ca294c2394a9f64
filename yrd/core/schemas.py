"""Schemas every module's API shares."""

import re
from datetime import date
from typing import Annotated

from ninja import Field, Schema
from pydantic import BeforeValidator

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value):
    # Pydantic would read 0 or "0" as a Unix time (1970-01-01): a date is written YYYY-MM-DD.
    if isinstance(value, date) or (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_iso_date_only), Field(json_schema_extra={"format": "date"})]


class ApiError(Schema):
    """The error shape of every yrd API endpoint (made in yrd/api.py)."""

    code: str = Field(description="Machine-readable reason, e.g. invalid, forbidden, not_found")
    message: str = Field(description="A sentence for people, in the request's language")
    errors: dict[str, list[str]] | list[dict] | None = Field(
        None, description="Field -> messages (400), or schema errors with their location (422)"
    )
