"""The emergency API."""

from ninja import Router

router = Router(tags=["emergency"])
