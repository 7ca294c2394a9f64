"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), so existing Open311 clients work unchanged.

Endpoints under /market/open311/v2/, each in `.xml` (required by the specification) and `.json`:
discovery, services, services/{service_code}, requests (GET, POST), requests/{service_request_id}, tokens/{token}.

- A service is a published violation category; its definition has the report's attributes (enterprise name,
  USCC, address, phone, city of the incident, when it happened) as `attribute[code]` parameters.
- POST requests needs `api_key` (an API token of the sending system's account, see /core/tokens/); requests are
  realtime, so the answer carries the `service_request_id` (the report's receipt number). `tokens/{token}`
  answers for a receipt number used as a token.
- GET requests filters by service_request_id (comma-separated; then the other filters are ignored), service_code,
  start_date / end_date (ISO 8601 with offset) and status (open, closed); without dates it returns the last 90
  days, and never more than 1,000 requests.
- `jurisdiction_id` selects a province: 310000 Shanghai, 320000 Jiangsu, 330000 Zhejiang, 340000 Anhui.
- Every 4xx answer is the specification's error list: [{"code": 400, "description": "…"}] (XML: <errors>).
- The reporter's contact (first_name, last_name, email, phone) is stored but never returned; a report's own
  description is the reporter's free text and is not published either.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from xml.etree import ElementTree

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from yrd.core.models import Jurisdiction
from yrd.core.tokens import account_for_key
from yrd.market.categories import VIOLATION_CATEGORIES
from yrd.market.models import CaseState, Report
from yrd.market.writes import report_submit
from yrd.market.writes.reports import ReportInput

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = {"xml": "text/xml; charset=utf-8", "json": "application/json; charset=utf-8"}
DEFAULT_WINDOW = timedelta(days=90)
MAX_REQUESTS = 1000
PROVINCES = ("310000", "320000", "330000", "340000")
ATTRIBUTES = (  # code, datatype, required, description
    ("subject_name", "string", True, "Name of the enterprise reported (企业名称)"),
    ("subject_uscc", "string", False, "Its Unified Social Credit Code, if known (统一社会信用代码)"),
    ("subject_address", "string", False, "Its address (企业地址)"),
    ("subject_phone", "string", False, "Its phone (企业电话)"),
    ("incident_city", "singlevaluelist", False, "City where it happened; else the city nearest lat/long"),
    ("occurred_at", "datetime", False, "When it happened (ISO 8601 with offset)"),
)


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


# --- rendering --------------------------------------------------------------------------------------------------
def _render(payload, fmt: str, root: str, item: str = "", status: int = 200) -> HttpResponse:
    """JSON as the specification shows it; XML with `root` around the items (or the object itself)."""
    if fmt == "json":
        return JsonResponse(payload, safe=False, status=status, json_dumps_params={"ensure_ascii": False})
    if isinstance(payload, dict):
        element = _xml(root, payload)
    else:
        element = ElementTree.Element(root)
        for entry in payload:
            element.append(_xml(item, entry))
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(element, encoding="utf-8")
    return HttpResponse(body, content_type=FORMATS["xml"], status=status)


def _xml(tag: str, value) -> ElementTree.Element:
    element = ElementTree.Element(tag)
    if isinstance(value, dict):
        for key, inner in value.items():
            if isinstance(inner, list):
                holder = ElementTree.SubElement(element, key)
                child_tag = {"attributes": "attribute", "values": "value", "endpoints": "endpoint", "formats": "format"}
                for entry in inner:
                    holder.append(_xml(child_tag.get(key, "item"), entry))
            else:
                element.append(_xml(key, inner))
    elif value is not None:
        element.text = str(value).lower() if isinstance(value, bool) else str(value)
    return element


def _error(fmt: str, status: int, description: str) -> HttpResponse:
    fmt = fmt if fmt in FORMATS else "xml"
    return _render([{"code": status, "description": description}], fmt, "errors", "error", status)


def endpoint(view):
    """Checks the format, turns Open311Error (and a bad form) into the specification's error list."""

    def wrapper(request, fmt, **kwargs):
        if fmt not in FORMATS:
            return _error("xml", 404, f"format {fmt!r} is not offered; use xml or json")
        try:
            return view(request, fmt, **kwargs)
        except Open311Error as error:
            return _error(fmt, error.status, error.description)

    wrapper.__name__ = view.__name__
    return wrapper


# --- discovery and services ---------------------------------------------------------------------------------------
@require_http_methods(["GET"])
@endpoint
def discovery(request, fmt):
    url = request.build_absolute_uri(reverse("market:open311_services", kwargs={"fmt": "xml"})).rsplit("/", 1)[0]
    payload = {
        "changeset": "2026-01-01T00:00:00+08:00",
        "contact": "market regulators of Shanghai, Jiangsu, Zhejiang and Anhui",
        "key_service": request.build_absolute_uri(reverse("core:tokens")),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": url + "/",
                "changeset": "2026-01-01T00:00:00+08:00",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return _render(payload, fmt, "discovery")


def _province(request) -> Jurisdiction | None:
    code = request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
    if not code:
        return None
    if code not in PROVINCES:
        raise Open311Error(404, f"jurisdiction_id {code!r} not found; use one of {', '.join(PROVINCES)}")
    return Jurisdiction.objects.get(level=Jurisdiction.Level.PROVINCE, code=code)


def _service(code: str) -> dict:
    zh, en = VIOLATION_CATEGORIES[code]
    return {
        "service_code": code,
        "service_name": zh,
        "description": en,
        "metadata": True,
        "type": "realtime",
        "keywords": "market, violation, 市场监管",
        "group": "market",
    }


@require_http_methods(["GET"])
@endpoint
def services(request, fmt):
    _province(request)
    return _render([_service(code) for code in VIOLATION_CATEGORIES], fmt, "services", "service")


@require_http_methods(["GET"])
@endpoint
def service_definition(request, fmt, service_code):
    province = _province(request)
    if service_code not in VIOLATION_CATEGORIES:
        raise Open311Error(404, f"service_code {service_code!r} not found")
    cities = _cities(province)
    attributes = []
    for order, (code, datatype, required, description) in enumerate(ATTRIBUTES, start=1):
        attribute = {
            "variable": True,
            "code": code,
            "datatype": datatype,
            "required": required,
            "datatype_description": description,
            "order": order,
            "description": description,
        }
        if datatype == "singlevaluelist":
            attribute["values"] = [{"key": c.code, "name": c.name_zh} for c in cities]
        attributes.append(attribute)
    return _render({"service_code": service_code, "attributes": attributes}, fmt, "service_definition")


def _cities(province: Jurisdiction | None):
    cities = Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY)
    return cities.filter(parent=province) if province else cities


# --- requests -----------------------------------------------------------------------------------------------------
@csrf_exempt
@require_http_methods(["GET", "POST"])
@endpoint
def requests_(request, fmt):
    if request.method == "POST":
        return _post_request(request, fmt)
    return _get_requests(request, fmt)


def _api_account(key: str):
    if not key:
        raise Open311Error(403, "api_key is required")
    try:
        account = account_for_key(key, "POST")
    except PermissionDenied as refused:
        raise Open311Error(403, str(refused)) from refused
    if account is None:
        raise Open311Error(403, "api_key is not valid")
    return account


def _post_request(request, fmt):
    data = request.POST
    account = _api_account(data.get("api_key", ""))
    province = _province(request)
    code = data.get("service_code", "")
    if not code:
        raise Open311Error(400, "service_code is required")
    if code not in VIOLATION_CATEGORIES:
        raise Open311Error(404, f"service_code {code!r} not found")
    latitude, longitude = _coordinate(data, "lat", 90), _coordinate(data, "long", 180)
    address = data.get("address_string", "") or data.get("address_id", "")
    if (latitude is None or longitude is None) and not address:
        raise Open311Error(400, "a location is required: lat and long, address_string or address_id")
    city = data.get("attribute[incident_city]", "") or _nearest_city(latitude, longitude, province)
    if province and city and not city.startswith(province.code[:2]):
        raise Open311Error(400, f"attribute[incident_city] {city!r} is not in jurisdiction_id {province.code}")
    report = ReportInput(
        subject_name=data.get("attribute[subject_name]", ""),
        subject_uscc=data.get("attribute[subject_uscc]", ""),
        subject_address=data.get("attribute[subject_address]", ""),
        subject_phone=data.get("attribute[subject_phone]", ""),
        category=code,
        incident_city=city or "",
        description=data.get("description", ""),
        place=address[:300],
        occurred_at=_datetime(data.get("attribute[occurred_at]", ""), "attribute[occurred_at]"),
        latitude=latitude,
        longitude=longitude,
        reporter_name=f"{data.get('last_name', '')}{data.get('first_name', '')}"[:60],
        reporter_phone=data.get("phone", ""),
        reporter_email=data.get("email", ""),
    )
    try:
        created = report_submit(acting_user=account, data=report, channel=Report.Channel.OPEN311)
    except ValidationError as error:
        raise Open311Error(400, _describe(error)) from None
    answer = [{"service_request_id": created.receipt, "service_notice": "", "account_id": None}]
    return _render(answer, fmt, "service_requests", "request")


def _describe(error: ValidationError) -> str:
    names = {"incident_city": "attribute[incident_city]", "subject_name": "attribute[subject_name]"}
    parts = [f"{names.get(field, field)}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
    return "; ".join(parts)


def _coordinate(data, name: str, bound: float) -> float | None:
    raw = data.get(name, "")
    if raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, f"{name} must be a number") from None
    if not math.isfinite(value) or abs(value) > bound:
        raise Open311Error(400, f"{name} must lie between -{bound} and {bound}")
    return value


def _nearest_city(latitude, longitude, province) -> str:
    if latitude is None or longitude is None:
        return ""
    cities = [c for c in _cities(province) if c.latitude is not None]
    nearest = min(cities, key=lambda c: (float(c.latitude) - latitude) ** 2 + (float(c.longitude) - longitude) ** 2)
    return nearest.code


def _datetime(raw: str, name: str) -> datetime | None:
    if not raw:
        return None
    value = parse_datetime(raw)
    if value is None or value.tzinfo is None:
        raise Open311Error(400, f"{name} must be an ISO 8601 date-time with its offset (2026-03-01T09:30:00+08:00)")
    return value


def _get_requests(request, fmt):
    province = _province(request)
    reports = Report.objects.select_related("incident_city", "case__lead_jurisdiction").order_by("-received_at")
    if province:
        reports = reports.filter(incident_city__parent=province)
    ids = _listed(request, "service_request_id")
    if ids:
        reports = reports.filter(receipt__in=ids)
    else:
        codes = _listed(request, "service_code")
        if codes:
            unknown = [c for c in codes if c not in VIOLATION_CATEGORIES]
            if unknown:
                raise Open311Error(404, f"service_code {unknown[0]!r} not found")
            reports = reports.filter(category__in=codes)
        start = _datetime(request.GET.get("start_date", ""), "start_date")
        end = _datetime(request.GET.get("end_date", ""), "end_date")
        if start is None and end is None:
            start = timezone.now() - DEFAULT_WINDOW
        if start:
            reports = reports.filter(received_at__gte=start)
        if end:
            reports = reports.filter(received_at__lte=end)
        reports = _with_status(reports, _listed(request, "status"))
    return _render([_request(r) for r in reports[:MAX_REQUESTS]], fmt, "service_requests", "request")


def _listed(request, name: str) -> list[str]:
    return [part.strip() for part in request.GET.get(name, "").split(",") if part.strip()]


def _with_status(reports, statuses: list[str]):
    unknown = [s for s in statuses if s not in ("open", "closed")]
    if unknown:
        raise Open311Error(400, f"status {unknown[0]!r} is not one of open, closed")
    if statuses == ["open"]:
        return reports.exclude(case__state=CaseState.CLOSED)
    if statuses == ["closed"]:
        return reports.filter(case__state=CaseState.CLOSED)
    return reports


@require_http_methods(["GET"])
@endpoint
def request_detail(request, fmt, service_request_id):
    report = Report.objects.select_related("incident_city", "case__lead_jurisdiction")
    report = report.filter(receipt=service_request_id)
    province = _province(request)
    if province:
        report = report.filter(incident_city__parent=province)
    found = report.first()
    if found is None:
        raise Open311Error(404, f"service_request_id {service_request_id!r} not found")
    return _render([_request(found)], fmt, "service_requests", "request")


@require_http_methods(["GET"])
@endpoint
def token(request, fmt, token):
    found = Report.objects.filter(receipt=token).values_list("receipt", flat=True).first()
    if found is None:
        raise Open311Error(404, f"token {token!r} not found")
    return _render([{"service_request_id": found, "token": token}], fmt, "service_requests", "request")


def _request(report: Report) -> dict:
    case = report.case
    closed = case is not None and case.state == CaseState.CLOSED
    lead = case.lead_jurisdiction if case else report.incident_city
    updated = (case.closed_at or case.decided_at or case.opened_at) if case else report.received_at
    return {
        "service_request_id": report.receipt,
        "status": "closed" if closed else "open",
        "status_notes": case.get_state_display() if case else "",
        "service_name": VIOLATION_CATEGORIES[report.category][0],
        "service_code": report.category,
        "description": "",
        "agency_responsible": f"{lead.name_zh}市场监督管理局",
        "service_notice": "",
        "requested_datetime": _iso(report.received_at),
        "updated_datetime": _iso(updated),
        "expected_datetime": "",
        "address": report.place or report.subject_address,
        "address_id": "",
        "zipcode": "",
        "lat": "" if report.latitude is None else float(report.latitude),
        "long": "" if report.longitude is None else float(report.longitude),
        "media_url": "",
    }


def _iso(moment) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""
