import pytest
from django.urls import reverse

from yrd.core.tests.factories import person
from yrd.core.writes import api_token_create, api_token_revoke


def test_a_bearer_token_authenticates_its_owner(client, reference):
    owner = person("plan_coordinator", "YRD")
    _token, key = api_token_create(acting_user=owner, name="reporting script")
    assert client.get("/api/plan/tasks").status_code == 401
    response = client.get("/api/plan/tasks", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200


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


@pytest.mark.django_db
def test_the_owner_revokes_a_token_from_the_page(client):
    from yrd.api import BearerToken

    owner = person()
    token, key = api_token_create(acting_user=owner, name="old script")
    client.force_login(owner)
    response = client.post(reverse("core:token-revoke", args=[token.pk]))
    assert response["Location"] == reverse("core:tokens")
    assert BearerToken().authenticate(_request(), f"Bearer {key}") is None
    page = client.get(reverse("core:tokens")).content.decode()
    assert "revoked" in page and "<li>old script" not in page


@pytest.mark.django_db
def test_no_one_else_may_revoke_a_token(client):
    token, key = api_token_create(acting_user=person(), name="x")
    client.force_login(person())
    assert client.post(reverse("core:token-revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_the_tokens_page_is_linked_and_explains_the_authorize_box(client):
    owner = person()
    api_token_create(acting_user=owner, name="etl")
    client.force_login(owner)
    page = client.get(reverse("core:tokens")).content.decode()
    assert f'href="{reverse("core:tokens")}"' in page
    assert "Authorize box" in page and "Bearer &lt;token&gt;" in page
    assert reverse("core:token-revoke", args=[owner.api_tokens.get().pk]) in page


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")
