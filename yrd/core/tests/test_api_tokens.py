import pytest
from django.urls import reverse

from yrd.core.services import api_token_create, api_token_revoke
from yrd.core.tests.factories import person


@pytest.mark.django_db
def test_a_bearer_token_authenticates_its_owner(client):
    owner = person()
    _token, key = api_token_create(acting_user=owner, name="reporting script")
    response = client.get("/api/openapi.json", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200
    assert client.get("/api/health").json()["status"] == "ok"


@pytest.mark.django_db
def test_only_the_hash_of_a_token_is_stored():
    token, key = api_token_create(acting_user=person(), name="x")
    assert key not in token.key_hash and len(token.key_hash) == 64


@pytest.mark.django_db
def test_a_revoked_token_no_longer_works():
    from yrd.api import BearerToken

    owner = person()
    token, key = api_token_create(acting_user=owner, name="x")
    api_token_revoke(acting_user=owner, token=token)
    assert BearerToken().authenticate(_request(), f"Bearer {key}") is None


@pytest.mark.django_db
def test_the_tokens_page_shows_a_new_key_once(client):
    client.force_login(person())
    page = client.post(reverse("core:tokens"), {"name": "etl"}).content.decode()
    assert "yrd_" in page
    assert "yrd_" not in client.get(reverse("core:tokens")).content.decode()


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")
