"""placeholder"""

from ninja import Router

router = Router(tags=["industry"])
