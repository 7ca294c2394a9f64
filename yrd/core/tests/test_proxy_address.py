"""Behind our reverse proxy, the audit log and the login lockout see the person's address, not the
proxy's; an X-Forwarded-For header from anyone else is ignored."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from yrd.core.context import client_address
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import person

PROXY = "10.0.0.1"


def request(peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request("198.51.100.7", "1.2.3.4")) == "198.51.100.7"


def test_from_a_trusted_proxy_the_client_is_the_last_untrusted_hop(settings):
    settings.TRUSTED_PROXIES = [PROXY, "10.0.0.2"]
    # The client can prepend anything; only what our own proxies appended is believed.
    assert client_address(request(PROXY, "6.6.6.6, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"
    assert client_address(request(PROXY)) == PROXY


@given(st.lists(st.ip_addresses(v=4).map(str), max_size=5), st.ip_addresses(v=4).map(str))
def test_a_forged_prefix_never_becomes_the_client(forged, client):
    from django.test import override_settings

    with override_settings(TRUSTED_PROXIES=[PROXY]):
        chain = ", ".join([*forged, client])
        assert client_address(request(PROXY, chain)) == (client if client != PROXY else _last_untrusted(forged))


def _last_untrusted(hops):
    untrusted = [hop for hop in hops if hop != PROXY]
    return untrusted[-1] if untrusted else PROXY


@pytest.mark.django_db
def test_the_audit_log_records_the_person_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    owner = person()
    client.force_login(owner)
    client.post(reverse("core:tokens"), {"name": "etl"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert AuditEntry.objects.get(action="core.api_token.create").ip == "203.0.113.9"


@pytest.mark.django_db
def test_bad_passwords_from_one_person_do_not_lock_out_another_behind_the_same_proxy(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    person(username="officer")
    for _ in range(5):
        client.post(
            reverse("login"),
            {"username": "officer", "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    attacker = client.post(
        reverse("login"),
        {"username": "officer", "password": "pw-for-tests-1"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert attacker.status_code == 429
    owner = client.post(
        reverse("login"),
        {"username": "officer", "password": "pw-for-tests-1"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert owner.status_code == 302


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_the_lockout(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    person(username="officer")
    for n in range(5):
        client.post(
            reverse("login"),
            {"username": "officer", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = client.post(
        reverse("login"),
        {"username": "officer", "password": "pw-for-tests-1"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429
