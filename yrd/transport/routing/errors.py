"""The errors the routing engine raises on bad input, one type per reason, each with a message a person can
act on and the field it is about, so the API can answer a 4xx naming the field and never a 5xx or an empty
success. All derive from `RoutingError` (a `ValueError`).

Messages are English templates with named parameters, marked with `gettext_noop` so that Django's
makemessages collects them (the engine itself needs no Django): `localize(error, gettext)` renders one in
the reader's language. A parameter may itself be a (template, params) pair, or a list of them (joined by
"; "), for parts that need translating too (a mode's name, a list of reasons)."""


def gettext_noop(message: str) -> str:
    """Marks a message for translation without translating it (the same name as Django's, on purpose)."""
    return message


def _render(template: str, params: dict, translate) -> str:
    rendered = {}
    for key, value in params.items():
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict):
            value = _render(value[0], value[1], translate)
        elif isinstance(value, list):
            value = "; ".join(_render(t, p, translate) for t, p in value)
        rendered[key] = value
    return translate(template) % rendered if rendered else translate(template)


class RoutingError(ValueError):
    code = "routing_error"

    def __init__(self, template: str, *, field: str | None = None, **params):
        self.template, self.params, self.field = template, params, field
        self.message = _render(template, params, lambda t: t)
        super().__init__(self.message)

    def localize(self, translate) -> str:
        return _render(self.template, self.params, translate)

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
        super().__init__("%(name)s: %(problem)s", field=first, name=first, problem=errors[first][0])
        self.errors = errors

    def as_errors(self) -> dict[str, list[str]]:
        return self.errors


class InvalidNetwork(InvalidParameters):
    """Links or hubs that cannot be routed on: a negative, zero or absurd distance, an unknown city or hub kind."""

    code = "invalid_network"
