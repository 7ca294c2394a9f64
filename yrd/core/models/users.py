from django.contrib.auth.models import AbstractUser
from django.db import models
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

    def __str__(self):
        return self.display_name or self.username
