"""The errors the routing engine raises on bad input, one type per reason, each with a message a person can
act on and the field it is about, so the API can answer a 4xx naming the field and never a 5xx or an empty
success. All derive from `RoutingError` (a `ValueError`)."""


class RoutingError(ValueError):
    code = "routing_error"

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def as_errors(self) -> dict[str, list[str]]:
        return {self.field or "__all__": [self.message]}


class InvalidRequest(RoutingError):
    """A request that cannot be planned as written: negative or absurd cargo, no modes, a bad deadline."""

    code = "invalid_request"


class UnknownPlace(RoutingError):
    code = "unknown_place"


class PlaceOutsideNetwork(RoutingError):
    """A (lat, lon) point too far from every road node of the network to snap to it."""

    code = "place_outside_network"


class CargoNotCarried(RoutingError):
    """No allowed mode (or no hub on the way) may carry this cargo: dangerous goods, or too heavy."""

    code = "cargo_not_carried"


class Unreachable(RoutingError):
    code = "unreachable"


class DeadlineUnmeetable(RoutingError):
    code = "deadline_unmeetable"


class InvalidParameters(RoutingError):
    """Mode or hub parameters out of range; carries every problem at once, keyed by parameter."""

    code = "invalid_parameters"

    def __init__(self, errors: dict[str, list[str]]):
        first = next(iter(errors))
        super().__init__(f"{first}: {errors[first][0]}", field=first)
        self.errors = errors

    def as_errors(self) -> dict[str, list[str]]:
        return self.errors


class InvalidNetwork(InvalidParameters):
    """Links or hubs that cannot be routed on: a negative, zero or absurd distance, an unknown city or hub kind."""

    code = "invalid_network"
