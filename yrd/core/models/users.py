from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind


class User(AbstractUser):
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
