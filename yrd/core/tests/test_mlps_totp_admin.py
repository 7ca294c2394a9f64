"""Deleting a person's TOTP device in django-otp's admin (they lost their phone) is audited and alerted."""

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from yrd.core.audit import verify_chain
from yrd.core.models import AuditEntry, Notification
from yrd.core.tests.factories import person


def test_the_system_administrator_deletes_a_device_and_the_log_and_security_admins_know(
    client, reference, django_capture_on_commit_callbacks
):
    officer = person("market_regulator")
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    sysadmin = person("system_admin")
    secadmin = person("security_admin")
    client.force_login(sysadmin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    deleted = AuditEntry.objects.get(action="core.admin.delete", object_type="otp_totp.TOTPDevice")
    assert deleted.actor_id == sysadmin.pk and deleted.object_repr == f"TOTPDevice #{device.pk}"
    reset = AuditEntry.objects.get(action="core.security.two_factor_reset")
    assert reset.data == {"user": officer.pk, "device": device.pk}
    assert Notification.objects.filter(recipient=secadmin, subject__contains="two-factor").exists()
    assert verify_chain() is None
