from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind

# An anonymised account's username: a colon, which Django's username validator refuses, so no
# account made through a form can look like one.
ERASED_PREFIX = "erased:"


class User(AbstractUser):
    """An account. Closed accounts are anonymised at the end of their retention period (core's
    manifest; `personal_purge`): names and e-mail emptied, the username replaced by `erased:<id>`, the
    password made unusable, two-factor devices, password history and API tokens gone. The account
    row stays, so records and audit entries naming it by number still do."""

    reveal_actions = ("core.person.manage",)
    personal_fields = {
        "username": Kind.NAME,
        "first_name": Kind.NAME,
        "last_name": Kind.NAME,
        "email": Kind.EMAIL,
        "display_name": Kind.NAME,
    }

    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("organisation"),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        default="zh-hans",
        choices=[("zh-hans", "简体中文"), ("en", "English")],
    )
    password_changed_at = models.DateTimeField(
        _("password changed at"), null=True, blank=True, editable=False, default=timezone.now
    )

    def __str__(self):
        return self.display_name or self.username

    def access_scope(self):
        """Whose system administrator may see the account in full: the organisation's jurisdiction."""
        if self.organisation_id is None:
            return [], []
        return [self.organisation.jurisdiction], [self.organisation]

    @classmethod
    def personal_holding(cls):
        return ~models.Q(username__startswith=ERASED_PREFIX)

    @classmethod
    def personal_erase_rows(cls, rows) -> None:
        from django.contrib.auth.hashers import make_password
        from django.db.models.functions import Cast, Concat
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from yrd.core.models.access import ApiToken

        pks = [row.pk for row in rows]
        cls.objects.filter(pk__in=pks).update(  # one statement for the batch: erased:<id> each
            username=Concat(models.Value(ERASED_PREFIX), Cast("pk", models.CharField())),
            first_name="",
            last_name="",
            email="",
            display_name="",
            password=make_password(None),
            is_active=False,
        )
        PasswordHistory.objects.filter(user_id__in=pks).delete()
        TOTPDevice.objects.filter(user_id__in=pks).delete()
        ApiToken.objects.filter(user_id__in=pks, revoked_at__isnull=True).update(revoked_at=timezone.now())


class PasswordHistory(models.Model):
    """Hashes of a person's previous passwords, so the policy can refuse reusing them
    (core.mlps.passwords; only the last PASSWORD_HISTORY are kept)."""

    user = models.ForeignKey(
        "core.User", on_delete=models.CASCADE, related_name="password_history", verbose_name=_("user")
    )
    password = models.CharField(_("password hash"), max_length=128)
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("previous password")
        verbose_name_plural = _("previous passwords")

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d}"
