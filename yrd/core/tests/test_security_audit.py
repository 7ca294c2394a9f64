"""Issue 11: every sign-in, refused password and permission change leaves a security event in the
audit chain; the hashing, CSP and header settings a deployment relies on are what they claim."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse

from yrd.core.models import AuditEntry
from yrd.core.tests.factories import person

pytestmark = pytest.mark.django_db


def events(kind):
    return list(AuditEntry.objects.filter(action=f"core.security.{kind}").order_by("seq"))


def test_a_sign_in_is_audited_with_who_signed_in(client):
    officer = person(username="officer")
    client.post(reverse("login"), {"username": "officer", "password": "pw-for-tests-1"})
    (entry,) = events("login")
    assert entry.actor_id == officer.pk and entry.data["stage"] == "password"


def test_a_refused_password_is_audited_and_nobody_is_signed_in(client):
    officer = person(username="officer")
    client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    (entry,) = events("login_failed")
    # The typed username is a personal detail (erased after its period); the account, by number.
    assert entry.data == {"account": officer.pk, "stage": "password"}
    assert entry.personal_data == {"username": "officer"}
    assert events("login") == [] and "_auth_user_id" not in client.session


def test_staff_and_superuser_flags_and_permissions_given_or_taken_are_audited():
    user = person()
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    user.user_permissions.clear()
    user.is_staff = False
    user.save(update_fields=["is_staff"])
    user.save(update_fields=["last_login"])  # no privilege changed: no event
    changes = [e.data.get("changed") or e.data.get("change") for e in events("permission_change")]
    assert changes == [{"is_staff": True}, "add", "clear", {"is_staff": False}]


def test_passwords_are_hashed_with_argon2_outside_tests():
    from yrd.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    from django.contrib.auth.hashers import Argon2PasswordHasher

    encoded = Argon2PasswordHasher().encode("a password", "saltsaltsalt")
    assert encoded.startswith("argon2$") and Argon2PasswordHasher().verify("a password", encoded)


def test_the_csp_allows_no_inline_script_or_style_and_every_page_sends_the_security_headers(client):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for directive in ("script-src", "style-src", "default-src"):
        assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(directives[directive])
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_session_and_csrf_cookies_are_not_readable_by_scripts_nor_sent_cross_site():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax" and settings.SESSION_COOKIE_AGE <= 12 * 3600
