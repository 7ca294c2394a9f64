from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual
from yrd.core.validators import clean_uscc


class Organisation(Bilingual, models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government department")
        REGULATOR = "regulator", _("Regulator")
        ENTERPRISE = "enterprise", _("Enterprise")
        RESEARCH = "research", _("Research institute")
        OPERATOR = "operator", _("Operator")

    not_personal = {
        "name_zh": "an organisation's name",
        "name_en": "an organisation's name",
    }

    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("jurisdiction"),
    )
    uscc = models.CharField(
        _("Unified Social Credit Code"),
        max_length=18,
        blank=True,
        help_text=_("18 characters, GB 32100; required for enterprises"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["jurisdiction__path", "name_zh"]
        constraints = [
            models.UniqueConstraint(fields=["uscc"], condition=~models.Q(uscc=""), name="organisation_unique_uscc")
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def clean(self):
        if self.uscc:
            self.uscc = clean_uscc(self.uscc)
        elif self.kind == self.Kind.ENTERPRISE:
            raise ValidationError({"uscc": _("An enterprise must have a Unified Social Credit Code.")})
