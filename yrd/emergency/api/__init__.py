"""The emergency API, mounted at /api/emergency/: catalogue, warehouses and their ledgers, requests,
allocation, commitments, readiness and drills. Errors follow the platform's shape {code, message,
errors?}: 400 bad input (every faulty field or line named), 403 not allowed, 404 not visible to the
caller, 409 a state that does not allow it (a commitment already dispatched, a stale allocation run)."""

from ninja import Router

from . import allocation, requests, stock

router = Router(tags=["emergency"])
router.add_router("", stock.router)
router.add_router("", requests.router)
router.add_router("", allocation.router)
