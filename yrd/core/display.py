"""The elderly-friendly display mode (GB/T 37668-2019 and the age-friendly rules for public service
sites): larger text, higher contrast and a single-column layout, switched from the header and
remembered in a cookie, so it holds for visitors who never sign in and needs no JavaScript."""

from django.conf import settings

COOKIE = "yrd_display"
ELDERLY = "elderly"
STANDARD = "standard"
MODES = (ELDERLY, STANDARD)
REMEMBER_FOR = 365 * 24 * 3600  # seconds: a year, like the language cookie


def mode_of(request) -> str:
    """The display mode this browser chose; the standard one unless it chose otherwise."""
    chosen = request.COOKIES.get(COOKIE)
    return chosen if chosen in MODES else STANDARD


def remember(response, mode: str) -> None:
    """Set the cookie on `response` (a chosen mode outside MODES is a caller's bug)."""
    if mode not in MODES:
        raise ValueError(f"unknown display mode {mode!r}")
    response.set_cookie(
        COOKIE,
        mode,
        max_age=REMEMBER_FOR,
        samesite="Lax",
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
    )
