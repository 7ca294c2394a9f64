import json

import pytest

from yrd.core.tests.factories import person


@pytest.mark.django_db
def test_an_unknown_object_is_a_plain_404_in_the_callers_language(client):
    client.force_login(person())
    response = client.get("/api/services/applications/NOPE", headers={"Accept-Language": "zh-hans"})
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "对象不存在，或您无权查看。"}


@pytest.mark.django_db
def test_a_missing_login_is_explained_in_the_callers_language(client):
    response = client.get("/api/plan/tasks", headers={"Accept-Language": "zh-hans"})
    assert response.status_code == 401 and response.json()["code"] == "unauthenticated"
    assert "Bearer" in response.json()["message"] and "登录" in response.json()["message"]


@pytest.mark.django_db
def test_a_session_write_without_csrf_says_what_to_send():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(person())
    response = client.post("/api/plan/tasks", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed" and "X-CSRFToken" in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/plan/tasks/abc", "/api/no-such-module/things", "/api/plan/tasks/1/nothing"])
def test_an_address_the_api_does_not_have_is_a_json_404(client, path):
    client.force_login(person())
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found" and "/api/docs" in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", [f"/api/plan/tasks/{2**70}", f"/api/green/sites/{2**64}"])
def test_an_id_beyond_64_bits_is_a_json_404_not_a_crash(client, path):
    client.force_login(person())
    response = client.get(path)
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_a_write_breaking_a_database_constraint_is_a_409_with_a_message(rf):
    from django.db import IntegrityError

    from yrd.api import on_integrity_error

    response = on_integrity_error(rf.post("/api/plan/tasks"), IntegrityError("UNIQUE constraint failed"))
    assert response.status_code == 409
    assert json.loads(response.content) == {"code": "conflict", "message": "This conflicts with data already recorded."}


def test_a_server_failure_under_the_api_is_json_in_the_error_schema(rf):
    from yrd.core.views import server_error

    response = server_error(rf.get("/api/plan/tasks"))
    assert response.status_code == 500 and response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["code"] == "server_error" and "logged" in body["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "1700000000", "2026-13-01", "yesterday"])
def test_a_date_that_is_not_written_yyyy_mm_dd_is_refused(client, value):
    client.force_login(person())
    response = client.get("/api/services/remote/day", {"on": value})
    assert response.status_code == 422 and response.json()["code"] == "invalid"
