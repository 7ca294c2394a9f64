"""Open311 GeoReport v2 as the specification describes it: formats, errors, api_key, filters and defaults."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from yrd.market.models import Report
from yrd.market.tests import factories as f

pytestmark = pytest.mark.django_db
BASE = "/market/open311/v2"


@pytest.fixture
def client_key(reference):
    return f.open311_client()[1]


def post(client, key, **fields):
    data = {"api_key": key, "service_code": "food_safety", "lat": "31.30", "long": "120.59",
            "attribute[subject_name]": "苏州美佳食品有限公司", "description": "过期食品",
            "email": "zhang@example.test", "phone": "13800138000", "first_name": "三", "last_name": "张"}  # fmt: skip
    data.update(fields)
    return client.post(f"{BASE}/requests.json", data)


def test_discovery_names_the_specification_and_both_formats(client, reference):
    body = client.get(f"{BASE}/discovery.json").json()
    assert body["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert body["endpoints"][0]["formats"] == ["text/xml", "application/json"]


def test_services_are_the_published_categories_in_json_and_xml(client, reference):
    services = client.get(f"{BASE}/services.json").json()
    assert {s["service_code"] for s in services} >= {"false_advertising", "food_safety", "price_fraud"}
    assert all(s["metadata"] is True and s["type"] == "realtime" for s in services)
    response = client.get(f"{BASE}/services.xml")
    assert response["Content-Type"].startswith("text/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "services" and root.find("service/service_code") is not None


def test_a_service_definition_lists_its_attributes_and_the_cities_of_the_jurisdiction(client, reference):
    body = client.get(f"{BASE}/services/food_safety.json?jurisdiction_id=340000").json()
    codes = [a["code"] for a in body["attributes"]]
    assert codes[0] == "subject_name" and body["attributes"][0]["required"] is True
    cities = next(a for a in body["attributes"] if a["code"] == "incident_city")["values"]
    assert len(cities) == 16 and all(v["key"].startswith("34") for v in cities)
    root = ElementTree.fromstring(client.get(f"{BASE}/services/food_safety.xml").content)
    assert root.tag == "service_definition" and root.find("attributes/attribute/code").text == "subject_name"


def test_a_posted_request_gets_a_service_request_id_and_keeps_the_contact_private(client, client_key):
    response = post(client, client_key)
    assert response.status_code == 200
    receipt = response.json()[0]["service_request_id"]
    report = Report.objects.get(receipt=receipt)
    assert (report.channel, report.incident_city.code, report.reporter_phone) == ("open311", "320500", "13800138000")
    shown = client.get(f"{BASE}/requests/{receipt}.json").json()[0]
    assert shown["status"] == "open" and shown["service_code"] == "food_safety"
    assert "13800138000" not in str(shown) and "zhang@" not in str(shown)
    assert shown["requested_datetime"].endswith("+08:00")


@pytest.mark.parametrize(
    "fields, status, words",
    [
        ({"api_key": ""}, 403, "api_key is required"),
        ({"api_key": "yrd_wrong"}, 403, "api_key is not valid"),
        ({"service_code": ""}, 400, "service_code is required"),
        ({"service_code": "parking"}, 404, "service_code 'parking' not found"),
        ({"lat": "", "long": ""}, 400, "a location is required"),
        ({"lat": "north"}, 400, "lat must be a number"),
        ({"jurisdiction_id": "110000"}, 404, "jurisdiction_id '110000' not found"),
        ({"attribute[subject_name]": ""}, 400, "attribute[subject_name]"),
        ({"description": "x" * 4001}, 400, "description"),
    ],
)
def test_a_bad_post_gets_the_specifications_error_list_and_writes_nothing(client, client_key, fields, status, words):
    response = post(client, client_key, **fields)
    assert response.status_code == status
    errors = response.json()
    assert errors[0]["code"] == status and words in errors[0]["description"]
    assert not Report.objects.exists()


def test_errors_come_as_xml_from_an_xml_endpoint(client, reference):
    response = client.post(f"{BASE}/requests.xml", {"service_code": "food_safety"})
    root = ElementTree.fromstring(response.content)
    assert response.status_code == 403 and root.tag == "errors"
    assert root.find("error/code").text == "403" and "api_key" in root.find("error/description").text


def test_an_unknown_format_and_an_unknown_request_are_404_in_the_error_format(client, reference):
    assert client.get(f"{BASE}/services.csv").status_code == 404
    response = client.get(f"{BASE}/requests/MV-NOSUCH.json")
    assert response.status_code == 404 and response.json()[0]["code"] == 404


def test_get_requests_covers_the_last_90_days_by_default_and_filters_by_code_status_and_date(client, client_key):
    fresh = Report.objects.get(receipt=post(client, client_key).json()[0]["service_request_id"])
    old = Report.objects.get(
        receipt=post(client, client_key, service_code="price_fraud").json()[0]["service_request_id"]
    )
    Report.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=120))
    listed = [r["service_request_id"] for r in client.get(f"{BASE}/requests.json").json()]
    assert listed == [fresh.receipt]
    start = (timezone.now() - timedelta(days=200)).isoformat()
    by_code = client.get(f"{BASE}/requests.json", {"service_code": "price_fraud", "start_date": start}).json()
    assert [r["service_request_id"] for r in by_code] == [old.receipt]
    assert client.get(f"{BASE}/requests.json", {"status": "closed"}).json() == []
    assert client.get(f"{BASE}/requests.json", {"status": "pending"}).status_code == 400
    assert client.get(f"{BASE}/requests.json", {"start_date": "last week"}).status_code == 400


def test_jurisdiction_id_selects_a_province(client, client_key):
    post(client, client_key)
    assert len(client.get(f"{BASE}/requests.json?jurisdiction_id=320000").json()) == 1
    assert client.get(f"{BASE}/requests.json?jurisdiction_id=330000").json() == []


def test_a_receipt_number_answers_as_a_token(client, client_key):
    receipt = post(client, client_key).json()[0]["service_request_id"]
    assert client.get(f"{BASE}/tokens/{receipt}.json").json() == [{"service_request_id": receipt, "token": receipt}]
