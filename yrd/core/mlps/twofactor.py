"""Two-factor authentication (TOTP, django-otp) enforced by role.

TWO_FACTOR_REQUIRED (default on; off in the dev and test settings) turns enforcement on. When it is
on, every officer and administrator must confirm a time-based code after their password: staff
accounts, superusers, and anyone holding a role other than those in TWO_FACTOR_EXEMPT_ROLES (the
public's roles: applicants, reporters, firms filling in their own data).
"""

from django.conf import settings
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

DEFAULT_EXEMPT_ROLES = (
    "applicant",
    "market_reporter",
    "market_feed",
    "innovation_firm",
    "industry_enterprise",
    "green_site_reporter",
    "site_requester",
    "uas_operator",
)


def enforced() -> bool:
    return getattr(settings, "TWO_FACTOR_REQUIRED", True)


def exempt_roles() -> set[str]:
    return set(getattr(settings, "TWO_FACTOR_EXEMPT_ROLES", DEFAULT_EXEMPT_ROLES))


def required_for(user) -> bool:
    """True when this person's roles (or staff status) call for a second factor."""
    if not enforced() or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    codes = set(user.role_assignments.values_list("role__code", flat=True))
    return bool(codes - exempt_roles())


def verified(user) -> bool:
    """Did this person's session pass the second factor (django-otp's OTPMiddleware says)?"""
    return bool(getattr(user, "is_verified", lambda: False)())


def needs_enrolment(user, request) -> bool:
    return required_for(user) and not verified(user) and not user_has_device(user, confirmed=True)


def needs_verification(user, request) -> bool:
    return required_for(user) and not verified(user) and user_has_device(user, confirmed=True)


def pending_device(user) -> TOTPDevice:
    """The person's unconfirmed TOTP device, made on first visit to the enrolment page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)
    return device


@receiver(post_delete, sender=TOTPDevice, dispatch_uid="yrd.core.mlps.twofactor.device_deleted")
def device_deleted(sender, instance, **kwargs):
    """A confirmed device deleted (in the admin, when a person lost their phone, or with the account):
    a security event, alerted; the admin's own entry (core.admin.delete) names who deleted it."""
    if not instance.confirmed:
        return
    from yrd.core.audit import record_security_event

    record_security_event(
        "two_factor_reset",
        data={"user": instance.user_id, "device": instance.pk},  # the account by number, never by name
    )
