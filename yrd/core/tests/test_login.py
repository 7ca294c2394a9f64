import pytest
from django.urls import reverse

from yrd.core.tests.factories import person


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account(client):
    person(username="officer")
    for _ in range(5):
        client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "officer", "password": "pw-for-tests-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_logs_in(client):
    person(username="officer")
    response = client.post(reverse("login"), {"username": "officer", "password": "pw-for-tests-1"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
