"""MLPS level 3: password policy (length, classes, history, expiry) and the session idle timeout."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from yrd.core.mlps.middleware import LAST_SEEN
from yrd.core.mlps.passwords import character_classes, password_expired
from yrd.core.models import AuditEntry, User
from yrd.core.tests.factories import person

GOOD = "Harbour-Light-2031"


def refusals(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as refused:
        return [error.code for error in refused.error_list]
    return []


@given(
    lower=st.booleans(),
    upper=st.booleans(),
    digit=st.booleans(),
    other=st.booleans(),
    repeat=st.integers(min_value=1, max_value=4),
)
def test_character_classes_counts_each_class_used(lower, upper, digit, other, repeat):
    password = ("a" * lower + "B" * upper + "7" * digit + "#" * other) * repeat
    assert character_classes(password) == lower + upper + digit + other


@pytest.mark.django_db
def test_a_short_password_and_one_of_too_few_classes_are_refused():
    assert "password_too_short" in refusals("Ab1#xyz")
    assert "password_too_simple" in refusals("riverlightharbour")  # long, but lower case only
    assert refusals(GOOD) == []


@pytest.mark.django_db
def test_the_policy_follows_the_settings(settings):
    settings.PASSWORD_MIN_CLASSES = 4
    assert "password_too_simple" in refusals("Harbourlight2031")
    assert refusals("Harbour-light2031") == []


def change(client, old, new):
    return client.post(reverse("password-change"), {"old_password": old, "new_password1": new, "new_password2": new})


@pytest.mark.django_db
def test_the_last_passwords_may_not_be_reused(client, settings):
    settings.PASSWORD_HISTORY = 2
    officer = person()
    client.force_login(officer)
    passwords = ["pw-for-tests-1", "Harbour-Light-2031", "Harbour-Light-2032", "Harbour-Light-2033"]
    for old, new in zip(passwords, passwords[1:], strict=False):
        assert change(client, old, new).status_code == 302
    response = change(client, passwords[-1], passwords[-2])  # the previous password
    assert response.status_code == 200
    assert "must differ from your last 2 passwords" in response.content.decode()
    assert change(client, passwords[-1], passwords[-1]).status_code == 200  # the current one
    assert change(client, passwords[-1], passwords[1]).status_code == 302  # three back: allowed again
    officer.refresh_from_db()
    assert officer.check_password(passwords[1])


@pytest.mark.django_db
def test_an_expired_password_sends_the_person_to_change_it_and_the_change_is_audited(client, settings):
    settings.PASSWORD_EXPIRY_DAYS = 90
    officer = person()
    User.objects.filter(pk=officer.pk).update(password_changed_at=timezone.now() - timedelta(days=91))
    response = client.post(reverse("login"), {"username": officer.username, "password": "pw-for-tests-1"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("password-change")
    assert client.get(reverse("core:inbox")).url == reverse("password-change")
    assert change(client, "pw-for-tests-1", GOOD).status_code == 302
    assert client.get(reverse("core:inbox")).status_code == 200
    officer.refresh_from_db()
    assert not password_expired(officer)
    assert AuditEntry.objects.filter(action="core.password.change", object_id=str(officer.pk)).count() == 1


@pytest.mark.django_db
def test_a_recent_password_or_expiry_switched_off_lets_the_person_work(client, settings):
    officer = person()
    client.force_login(officer)
    assert client.get(reverse("core:inbox")).status_code == 200
    User.objects.filter(pk=officer.pk).update(password_changed_at=timezone.now() - timedelta(days=400))
    settings.PASSWORD_EXPIRY_DAYS = 0
    assert client.get(reverse("core:inbox")).status_code == 200


@pytest.mark.django_db
def test_a_session_idle_longer_than_the_timeout_is_signed_out(client, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 30
    client.force_login(person())
    assert client.get(reverse("core:inbox")).status_code == 200

    session = client.session
    session[LAST_SEEN] = time.time() - 29 * 60
    session.save()
    assert client.get(reverse("core:inbox")).status_code == 200  # 29 minutes idle: still signed in

    session = client.session
    session[LAST_SEEN] = time.time() - 31 * 60
    session.save()
    response = client.get(reverse("core:inbox"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("core:inbox")).url.startswith(reverse("login"))
