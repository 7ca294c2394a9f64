"""Password policy as Django password validators, configured by settings:

- PASSWORD_MIN_LENGTH (default 12) and PASSWORD_MIN_CLASSES (of lower case, upper case, digits and
  other characters; default 3) decide what a password must contain;
- PASSWORD_HISTORY (default 5): a new password may not be any of the person's last N passwords;
- PASSWORD_EXPIRY_DAYS (default 90; 0 turns expiry off): after that many days a signed-in person is
  sent to change their password (core.mlps.middleware.PasswordExpiryMiddleware).

Every password change goes through `PasswordHistoryValidator.password_changed` (Django calls it on
`User.save()` after `set_password`), which records the new hash and the time of the change.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def min_classes() -> int:
    return getattr(settings, "PASSWORD_MIN_CLASSES", 3)


def history_length() -> int:
    return getattr(settings, "PASSWORD_HISTORY", 5)


def expiry_days() -> int:
    return getattr(settings, "PASSWORD_EXPIRY_DAYS", 90)


def character_classes(password: str) -> int:
    """How many of the four classes (lower, upper, digit, other) the password uses."""
    return sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )


class CharacterClassesValidator:
    def __init__(self, min_classes=None):
        self._min_classes = min_classes

    @property
    def min_classes(self):
        return self._min_classes if self._min_classes is not None else min_classes()

    def validate(self, password, user=None):
        if character_classes(password) < self.min_classes:
            raise ValidationError(
                _(
                    "The password must mix at least %(count)d of: lower-case letters, upper-case letters, "
                    "digits and other characters."
                )
                % {"count": self.min_classes},
                code="password_too_simple",
            )

    def get_help_text(self):
        return _(
            "Your password must mix at least %(count)d of: lower-case letters, upper-case letters, digits "
            "and other characters."
        ) % {"count": self.min_classes}


class PasswordHistoryValidator:
    """Refuses the person's current password and their last PASSWORD_HISTORY ones; records each change."""

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        count = history_length()
        if count <= 0:
            return
        used = [user.password] if user.password else []
        used += list(user.password_history.order_by("-created_at", "-id").values_list("password", flat=True)[:count])
        if any(check_password(password, encoded) for encoded in used):
            raise ValidationError(
                ngettext(
                    "The password must differ from your previous password.",
                    "The password must differ from your last %(count)d passwords.",
                    count,
                )
                % {"count": count},
                code="password_reused",
            )

    def password_changed(self, password, user=None):
        from yrd.core.models import PasswordHistory

        if user is None or user.pk is None:
            return
        now = timezone.now()
        type(user).objects.filter(pk=user.pk).update(password_changed_at=now)
        user.password_changed_at = now
        PasswordHistory.objects.create(user=user, password=user.password)
        keep = max(history_length(), 1)
        stale = user.password_history.order_by("-created_at", "-id").values_list("pk", flat=True)[keep:]
        PasswordHistory.objects.filter(pk__in=list(stale)).delete()

    def get_help_text(self):
        return ngettext(
            "Your password must differ from your previous password.",
            "Your password must differ from your last %(count)d passwords.",
            history_length(),
        ) % {"count": history_length()}


def password_expired(user, now=None) -> bool:
    """True when the person's password is older than PASSWORD_EXPIRY_DAYS. A password never recorded
    (an account from before this policy) counts from the policy's migration, which stamps them all."""
    days = expiry_days()
    if days <= 0 or not user.has_usable_password():
        return False
    changed = user.password_changed_at
    if changed is None:
        return True
    return (now or timezone.now()) - changed > timedelta(days=days)
