from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind, mask


class AccountIdentity(models.Model):
    """The identity an account applies under: bound on the account's first application, changed
    only by a window officer who has checked the person's papers. Once-only reuse offers an account
    only materials of its own applications under this identity, whatever number is typed."""

    class ApplicantKind(models.TextChoices):
        PERSON = "person", _("Person")
        ENTERPRISE = "enterprise", _("Enterprise")

    personal_fields = {"name": Kind.NAME, "id_number": Kind.RESIDENT_ID}
    personal_subject = "user"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="service_identity",
        verbose_name=_("account"),
    )
    kind = models.CharField(_("applicant is"), max_length=10, choices=ApplicantKind.choices)
    name = models.CharField(_("name"), max_length=200)
    id_number = models.CharField(_("resident ID number"), max_length=18, blank=True)
    uscc = models.CharField(_("Unified Social Credit Code"), max_length=18, blank=True)
    bound_at = models.DateTimeField(_("bound at"))
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verified in person by"),
        help_text=_("Empty: bound by the account's first application."),
    )

    class Meta:
        verbose_name = _("account identity")
        verbose_name_plural = _("account identities")

    def __str__(self):
        return f"{self.user} · {self.masked_number}"

    @property
    def number(self) -> str:
        return self.id_number or self.uscc

    @property
    def masked_number(self) -> str:
        return mask(Kind.RESIDENT_ID, self.id_number) if self.id_number else self.uscc

    def clean(self):
        if bool(self.id_number) == bool(self.uscc):
            raise ValidationError(_("An identity is either a resident ID number or a USCC."))
