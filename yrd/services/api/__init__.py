"""The services API: the catalogue and applications (applications.py), and the remote virtual
window (remote.py, under /remote/)."""

from ninja import Router

from .applications import router as applications
from .remote import router as remote

router = Router()
router.add_router("", applications)
router.add_router("/remote", remote)
