from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Consent(models.Model):
    """A consent a person gave: which (`code`, declared in a manifest's `consents`), the version and
    the exact wording they saw, when, and what it was given for (an application, a report). `user`
    is empty when the person had no account (an anonymous reporter)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
        verbose_name=_("person"),
    )
    code = models.CharField(_("consent"), max_length=80)
    version = models.CharField(_("version of the wording"), max_length=40)
    text = models.TextField(_("wording agreed to"))
    given_at = models.DateTimeField(_("given at"))
    object_type = models.CharField(_("given for (type)"), max_length=80, blank=True)
    object_id = models.CharField(_("given for (ID)"), max_length=64, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    personal_subject = "user"
    not_personal = {"text": "the platform's own wording, the same for everyone who agreed to it"}

    class Meta:
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.code} {self.version}"
