"""MLPS level 3: officers and administrators confirm a TOTP code after their password; the public's
roles do not; enforcement follows TWO_FACTOR_REQUIRED."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from yrd.core.models import AuditEntry
from yrd.core.tests.factories import person

PASSWORD = "pw-for-tests-1"


@pytest.fixture(autouse=True)
def enforced(reference, settings):
    settings.TWO_FACTOR_REQUIRED = True


def log_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True)


def unthrottle(device):
    """django-otp delays the attempt after a wrong code (1 s, doubling); a test does not wait."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_an_officer_must_enrol_an_authenticator_before_working(client):
    officer = person("plan_coordinator")
    response = log_in(client, officer)
    assert response.redirect_chain[-1][0] == reverse("two-factor-setup")
    page = response.content.decode()
    assert f'src="{reverse("two-factor-qr")}"' in page and "<script" not in page.split("<main")[-1]
    assert client.get(reverse("core:inbox")).url == reverse("two-factor-setup")

    qr = client.get(reverse("two-factor-qr"))
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<svg")
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7]+)</code>", page).group(1)
    assert secret and secret in device.config_url

    wrong = client.post(reverse("two-factor-setup"), {"code": f"{(int(code_for(device)) + 1) % 10**6:06d}"})
    assert wrong.status_code == 200 and "does not match" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    unthrottle(device)
    assert client.post(reverse("two-factor-setup"), {"code": code_for(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("core:inbox")).status_code == 200
    assert AuditEntry.objects.filter(action="core.two_factor.enrol", object_id=str(officer.pk)).exists()


def test_an_enrolled_officer_enters_a_code_after_the_password(client):
    officer = person("security_admin")
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.post(reverse("login"), {"username": officer.username, "password": PASSWORD})
    target = reverse("core:inbox")
    response = client.get(target)
    assert response.url == f"{reverse('two-factor-verify')}?next={target}"

    wrong = client.post(reverse("two-factor-verify"), {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and "does not match" in wrong.content.decode()
    assert client.get(target).status_code == 302
    assert AuditEntry.objects.filter(action="core.security.login_failed", actor_id=officer.pk).exists()

    unthrottle(device)
    ok = client.post(reverse("two-factor-verify"), {"code": code_for(device), "next": target})
    assert ok.url == target
    assert client.get(target).status_code == 200


@pytest.mark.parametrize("role", [None, "applicant", "market_reporter"])
def test_the_publics_roles_are_not_asked_for_a_code(client, role):
    response = log_in(client, person(role))
    assert reverse("two-factor-setup") not in [url for url, _status in response.redirect_chain]
    assert client.get(reverse("core:inbox")).status_code == 200


def test_staff_are_asked_even_without_a_role(client):
    log_in(client, person(is_staff=True))
    assert client.get(reverse("core:inbox")).url == reverse("two-factor-setup")


def test_with_enforcement_off_officers_work_without_a_code(client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    log_in(client, person("plan_coordinator"))
    assert client.get(reverse("core:inbox")).status_code == 200


def test_an_officer_creates_a_token_only_after_the_code_and_the_token_works(client):
    officer = person("market_regulator")
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.post(reverse("login"), {"username": officer.username, "password": PASSWORD})
    asked = client.post(reverse("core:tokens"), {"name": "script", "scope": "read", "lifetime_days": "30"})
    assert asked.url.startswith(reverse("two-factor-verify"))  # the session rules first
    client.post(reverse("two-factor-verify"), {"code": code_for(device)})
    made = client.post(reverse("core:tokens"), {"name": "script", "scope": "read", "lifetime_days": "30"})
    assert made.status_code == 200
    key = re.search(r"yrd_[A-Za-z0-9_-]{20,}", made.content.decode()).group(0)
    assert officer.api_tokens.get().two_factor
    listed = client.get("/api/market/cases", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert listed.status_code == 200


def test_a_token_made_without_the_code_is_refused_for_an_officer(client):
    from yrd.core.models import ApiToken
    from yrd.core.tests.factories import api_key
    from yrd.core.writes import api_token_create

    officer = person("market_regulator")
    with pytest.raises(PermissionDenied):
        api_token_create(acting_user=officer, name="no code", scope="read", lifetime_days=30)
    applicant = person("applicant")  # the public's role: no second factor, tokens as before
    key = api_key(applicant, scope="read")
    assert client.get("/api/core/personal/mine", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    # Given an officer's role later, the token made without the code no longer carries it.
    from yrd.core.models import Role, RoleAssignment
    from yrd.core.tests.factories import jurisdiction

    RoleAssignment.objects.create(
        user=applicant, role=Role.objects.get(code="market_regulator"), jurisdiction=jurisdiction("320000")
    )
    refused = client.get("/api/core/personal/mine", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert refused.status_code in (401, 403) and not ApiToken.objects.get(user=applicant).two_factor
