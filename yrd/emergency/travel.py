"""Travel times for allocation, readiness and the requests a warehouse could fill: hours by the
fastest way the transport module knows, `inf` where there is none.

The function is the transport module's public `travel_time_matrix` (yrd.transport.interface), named
by the setting EMERGENCY_TRAVEL_TIMES so that tests can put a fixed matrix in its place. A place is a
(latitude, longitude) pair."""

import numpy as np
from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from yrd.core.errors import Conflict

DEFAULT = "yrd.transport.interface.travel_time_matrix"


class TravelTimesUnavailable(Conflict):
    def __init__(self, detail: str):
        super().__init__(
            _("Travel times are not available (%(detail)s); allocation and readiness need them.") % {"detail": detail},
            code="travel_times_unavailable",
        )


def hours(origins: list[tuple[float, float]], destinations: list[tuple[float, float]]) -> np.ndarray:
    """(origins x destinations) hours."""
    if not origins or not destinations:
        return np.zeros((len(origins), len(destinations)))
    try:
        function = import_string(getattr(settings, "EMERGENCY_TRAVEL_TIMES", DEFAULT))
    except ImportError as error:
        raise TravelTimesUnavailable(str(error)) from error
    matrix = np.asarray(function(origins, destinations), dtype=float)
    if matrix.shape != (len(origins), len(destinations)) or np.isnan(matrix).any() or (matrix < 0).any():
        raise TravelTimesUnavailable(_("the transport module answered with an unusable matrix"))
    return matrix
