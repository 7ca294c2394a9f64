from django.test import Client

from yrd.core.tests.factories import person
from yrd.core.writes import api_token_create, api_token_revoke


def bearer(key):
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def test_a_bearer_token_acts_as_its_owner(world):
    owner = world.people["shanghai_owner"]
    _token, key = api_token_create(acting_user=owner, name="script", scope="read_write")
    body = bearer(key).get("/api/plan/tasks").json()
    assert [item["code"] for item in body["items"]] == ["1.01"]


def test_a_revoked_token_is_refused(world):
    owner = world.people["shanghai_owner"]
    token, key = api_token_create(acting_user=owner, name="script", scope="read_write")
    api_token_revoke(acting_user=owner, token=token)
    response = bearer(key).get("/api/plan/tasks")
    assert response.status_code == 401 and response.json()["code"] == "unauthenticated"


def test_a_token_of_a_deactivated_person_is_refused(world):
    someone = person("plan_coordinator", "YRD")
    _token, key = api_token_create(acting_user=someone, name="script", scope="read_write")
    someone.is_active = False
    someone.save()
    assert bearer(key).get("/api/plan/tasks").status_code == 401


def test_an_unknown_or_malformed_token_is_refused(world):
    assert bearer("yrd_not-a-real-key").get("/api/plan/tasks").status_code == 401
    client = Client(HTTP_AUTHORIZATION="Token abc")
    assert client.get("/api/plan/tasks").status_code == 401


def test_a_bearer_caller_may_write_without_a_csrf_token(world):
    key = world.tokens["token_caller"]
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {key}")
    task = world.tasks["330000"]
    response = client.patch(f"/api/plan/tasks/{task.pk}", {"title_en": "Via token"}, content_type="application/json")
    assert response.status_code == 200, response.content


def test_a_session_write_needs_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people["region_coordinator"])
    task = world.tasks["310000"]
    response = client.patch(f"/api/plan/tasks/{task.pk}", {"title_en": "x"}, content_type="application/json")
    assert response.status_code == 403
