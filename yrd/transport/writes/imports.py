"""Importing hubs or links from CSV or GeoJSON: all or nothing, every bad row named with its problem.

A row whose code exists updates that hub or link; a new code adds one. After the rows are written the
whole network is built once more inside the transaction: a file that leaves the network unroutable
(a link to a city no hub or road reaches is fine; a negative distance is not) is rolled back whole."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.transport import netio
from yrd.transport.apps import NETWORK
from yrd.transport.models import Hub, HubKind, Link, Mode
from yrd.transport.routing import RoutingError
from yrd.transport.routing.data import hub_kind
from yrd.transport.selectors.network import current_planner

FORMATS = ("csv", "geojson")
KINDS = ("hubs", "links")


@write
def network_import(*, acting_user, kind: str, fmt: str, text: str) -> dict:
    require(acting_user, NETWORK)
    if kind not in KINDS or fmt not in FORMATS:
        raise ValidationError({"kind": [_("Import hubs or links, as csv or geojson.")]})
    rows = netio.parse(kind, fmt, text)
    cities = {j.code: j for j in Jurisdiction.objects.filter(level="city")}
    build = _hub if kind == "hubs" else _link
    objects, errors = [], []
    for number, row in enumerate(rows, start=2 if fmt == "csv" else 1):
        try:
            objects.append(build(row, cities))
        except ValidationError as error:
            errors += [_row_message(number, fmt, field, messages) for field, messages in _by_field(error)]
    if errors:
        raise ValidationError({"rows": errors})
    created = sum(obj.pk is None for obj in objects)
    for obj in objects:
        obj.save()
    try:
        current_planner()
    except RoutingError as error:
        raise ValidationError({"rows": [str(m) for ms in error.as_errors().values() for m in ms]}) from None
    audit_record(
        actor=acting_user,
        action="transport.network.import",
        data={"kind": kind, "format": fmt, "rows": len(objects), "created": created},
    )
    return {"rows": len(objects), "created": created, "updated": len(objects) - created}


def _row_message(number, fmt, field, messages):
    where = _("row %(n)d") % {"n": number} if fmt == "csv" else _("feature %(n)d") % {"n": number}
    return f"{where}: {field}: {' '.join(messages)}"


def _by_field(error: ValidationError):
    if hasattr(error, "message_dict"):
        return error.message_dict.items()
    return [("__all__", error.messages)]


def _decimal(row, column, required=False):
    raw = (row.get(column) or "").strip()
    if not raw:
        if required:
            raise ValidationError({column: [_("This column is required.")]})
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ValidationError({column: [_("“%(value)s” is not a number.") % {"value": raw}]}) from None


def _city(row, column, cities):
    code = (row.get(column) or "").strip()
    if code not in cities:
        raise ValidationError({column: [_("“%(code)s” is not the adcode of a city.") % {"code": code}]})
    return cities[code]


def _hub(row, cities) -> Hub:
    code = (row.get("hub_id") or "").strip()
    hub = Hub.objects.filter(code=code).first() or Hub(code=code)
    kind = hub_kind(row.get("hub_type") or "")
    if kind not in HubKind.values:
        raise ValidationError({"hub_type": [_("“%(kind)s” is not a hub kind.") % {"kind": row.get("hub_type")}]})
    modes = [m.strip() for m in (row.get("modes") or "").split(";") if m.strip() and m.strip() != "road"]
    hub.name_zh, hub.name_en = row.get("hub_name_zh", ""), row.get("hub_name_en", "")
    hub.city, hub.kind, hub.modes = _city(row, "city_adcode", cities), kind, modes
    hub.latitude, hub.longitude = _decimal(row, "latitude"), _decimal(row, "longitude")
    hub.coord_source = row.get("coord_source", "")
    hub.throughput_value = _decimal(row, "throughput_value")
    hub.throughput_unit = row.get("throughput_unit", "")
    hub.throughput_year = row.get("throughput_year", "")
    hub.throughput_source = row.get("throughput_source", "")
    hub.notes = row.get("notes", "")
    hub.full_clean(validate_unique=hub.pk is None)
    return hub


def _link(row, cities) -> Link:
    code = (row.get("link_id") or "").strip()
    link = Link.objects.filter(code=code).first() or Link(code=code)
    if row.get("mode") not in Mode.values:
        raise ValidationError({"mode": [_("“%(mode)s” is not a mode.") % {"mode": row.get("mode")}]})
    link.mode = row["mode"]
    link.from_city, link.to_city = _city(row, "from_city_adcode", cities), _city(row, "to_city_adcode", cities)
    link.distance_km = _decimal(row, "distance_km", required=True)
    link.name_en, link.name_zh = row.get("corridor_name_en", ""), row.get("corridor_name_zh", "")
    link.distance_method, link.distance_source = row.get("distance_method", ""), row.get("distance_source", "")
    link.departures = row.get("departures", "")
    link.derived = (row.get("derived") or "").strip().lower() in ("1", "true", "yes")
    link.full_clean(validate_unique=link.pk is None)
    return link
