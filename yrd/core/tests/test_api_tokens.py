from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from yrd.core.models import ApiToken
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
    assert "revoked" in page and "<td>old script</td>" not in page


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


@pytest.mark.django_db
def test_a_read_only_token_reads_but_may_not_write(client, reference):
    owner = person("plan_coordinator", "YRD")
    _token, key = api_token_create(acting_user=owner, name="dashboard", scope="read")
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/plan/tasks", headers=headers).status_code == 200
    response = client.post("/api/plan/tasks", {}, content_type="application/json", headers=headers)
    assert response.status_code == 403
    assert "read-only" in response.json()["message"]


@pytest.mark.django_db
def test_a_new_token_is_read_only_unless_asked_otherwise():
    token, _key = api_token_create(acting_user=person(), name="x")
    assert token.scope == ApiToken.READ
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)


@pytest.mark.django_db
def test_an_expired_token_is_refused(client, reference):
    owner = person("plan_coordinator", "YRD")
    token, key = api_token_create(acting_user=owner, name="old", scope="read_write", lifetime_days=30)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/api/plan/tasks", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 401


@pytest.mark.django_db
def test_a_superuser_may_not_hold_a_token_and_an_old_one_stops_working(client, reference):
    admin = person(username="root", is_superuser=True, is_staff=True)
    with pytest.raises(PermissionDenied):
        api_token_create(acting_user=admin, name="x")
    someone = person("plan_coordinator", "YRD")
    _token, key = api_token_create(acting_user=someone, name="x", scope="read_write")
    someone.is_superuser = True
    someone.save()
    assert client.get("/api/plan/tasks", headers={"Authorization": f"Bearer {key}"}).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields,field",
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "x", "scope": "admin"}, "scope"),
        ({"name": "x", "lifetime_days": 10000}, "lifetime_days"),
    ],
)
def test_bad_token_requests_name_the_field_and_create_nothing(fields, field):
    with pytest.raises(ValidationError) as refused:
        api_token_create(acting_user=person(), **fields)
    assert field in refused.value.message_dict
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_the_tokens_page_offers_scope_and_lifetime_and_shows_them(client):
    owner = person()
    client.force_login(owner)
    page = client.post(reverse("core:tokens"), {"name": "etl", "scope": "read_write", "lifetime_days": "30"})
    assert page.status_code == 200
    token = owner.api_tokens.get()
    assert token.scope == "read_write" and (token.expires_at - timezone.now()).days in (29, 30)
    text = client.get(reverse("core:tokens"), headers={"Accept-Language": "en"}).content.decode()
    assert "read and write" in text and token.expires_at.strftime("%Y-%m-%d") in text


@pytest.mark.django_db
def test_the_tokens_page_explains_a_refusal_in_chinese(client):
    client.force_login(person(username="root", is_superuser=True, is_staff=True))
    page = client.post(reverse("core:tokens"), {"name": "etl"}, headers={"Accept-Language": "zh-hans"})
    assert page.status_code == 400
    assert "超级" in page.content.decode()
