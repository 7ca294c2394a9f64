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
