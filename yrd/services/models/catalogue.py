from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual
from yrd.core.uploads import SIGNATURES

FORMAT_CHOICES = {"pdf": "application/pdf", "jpeg": "image/jpeg", "png": "image/png"}


class Mode(models.TextChoices):
    ONLINE = "online", _("Fully online")
    REMOTE = "remote", _("Remote receive-and-forward")
    JOINT = "joint", _("Multi-place joint handling")


class ServiceFigure(Bilingual, models.Model):
    """One published figure about the region's cross-province services (data/services.csv).
    Real and sourced; shown as it was published, never edited by the platform."""

    not_personal = {
        "name_zh": "a service's name",
        "name_en": "a service's name",
        "notes": "notes on a published figure",
    }

    service_id = models.CharField(_("source row"), max_length=10, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=300)
    category = models.CharField(_("category"), max_length=60)
    metric = models.CharField(_("metric"), max_length=100, blank=True)
    value = models.CharField(_("value"), max_length=40, blank=True)
    unit = models.CharField(_("unit"), max_length=120, blank=True)
    as_of = models.CharField(_("as of"), max_length=20, blank=True)
    source = models.CharField(_("sources"), max_length=120)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["service_id"]
        verbose_name = _("published service figure")
        verbose_name_plural = _("published service figures")

    def __str__(self):
        return f"{self.service_id} {self.name}"


class ServiceItem(Bilingual, models.Model):
    """A cross-province service item. Its name comes from the public record; its materials, time
    limit, fee and authorities are entered by administrators (or the demo loader, marked demo)."""

    class Audience(models.TextChoices):
        INDIVIDUAL = "individual", _("Individuals")
        ENTERPRISE = "enterprise", _("Enterprises")

    not_personal = {
        "name_zh": "a service's name",
        "name_en": "a service's name",
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    category = models.CharField(_("category"), max_length=60, blank=True)
    audience = models.CharField(_("for"), max_length=12, choices=Audience.choices)
    online = models.BooleanField(_("fully online"), default=False)
    remote = models.BooleanField(_("remote receive-and-forward"), default=False)
    joint = models.BooleanField(_("multi-place joint handling"), default=False)
    time_limit_days = models.PositiveSmallIntegerField(
        _("legal time limit (working days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    fee_cny = models.DecimalField(
        _("fee (CNY)"), max_digits=9, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    decision_material = models.ForeignKey(
        "services.MaterialType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("its decision counts as"),
        help_text=_("The material type a decision of this item becomes, for reuse (once-only)"),
    )
    source = models.CharField(_("source"), max_length=120, blank=True)
    figure = models.ForeignKey(
        ServiceFigure,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        verbose_name=_("published figure"),
    )
    demo_details = models.BooleanField(
        _("demo details"),
        default=False,
        help_text=_("Modes, time limit, fee, materials and authorities are demo values, not official."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("service item")
        verbose_name_plural = _("service items")

    def __str__(self):
        return self.name

    def offers(self, mode):
        return bool(getattr(self, mode, False)) and mode in Mode.values

    @property
    def modes(self):
        return [Mode(m) for m in Mode.values if getattr(self, m)]


class MaterialType(Bilingual, models.Model):
    """A kind of document (ID card copy, business licence...). Items ask for types; a material held
    for an applicant can be reused for any later item asking for the same type."""

    not_personal = {
        "name_zh": "a kind of document",
        "name_en": "a kind of document",
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("material type")
        verbose_name_plural = _("material types")

    def __str__(self):
        return self.name


def validate_formats(value):
    if not isinstance(value, list) or not value or set(value) - set(FORMAT_CHOICES):
        raise ValidationError(_("Formats are a non-empty list of: pdf, jpeg, png."))


class RequiredMaterial(models.Model):
    item = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="materials")
    material_type = models.ForeignKey(
        MaterialType, on_delete=models.PROTECT, related_name="+", verbose_name=_("material type")
    )
    mandatory = models.BooleanField(_("mandatory"), default=True)
    formats = models.JSONField(_("accepted formats"), default=list, validators=[validate_formats])
    max_mb = models.PositiveSmallIntegerField(_("size limit (MB)"), default=10, validators=[MinValueValidator(1)])
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["item", "-mandatory", "material_type__code"]
        constraints = [models.UniqueConstraint(fields=["item", "material_type"], name="item_material_once")]
        verbose_name = _("required material")
        verbose_name_plural = _("required materials")

    def __str__(self):
        return f"{self.item.code}: {self.material_type}"

    @property
    def content_types(self):
        return tuple(FORMAT_CHOICES[f] for f in self.formats if FORMAT_CHOICES[f] in SIGNATURES)

    @property
    def formats_label(self):
        return " / ".join(f.upper() for f in self.formats)


class CompetentAuthority(models.Model):
    """Which organisation decides the item in a province."""

    item = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="authorities")
    province = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competent authority"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["item", "province__code"]
        constraints = [models.UniqueConstraint(fields=["item", "province"], name="one_authority_per_province")]
        verbose_name = _("competent authority")
        verbose_name_plural = _("competent authorities")

    def __str__(self):
        return f"{self.item.code} · {self.province} · {self.organisation}"

    def clean(self):
        from yrd.core.models import Jurisdiction, Organisation

        if self.province_id and self.province.level != Jurisdiction.Level.PROVINCE:
            raise ValidationError({"province": _("Choose a province.")})
        if self.organisation_id:
            if self.organisation.kind not in (
                Organisation.Kind.GOVERNMENT,
                Organisation.Kind.REGULATOR,
            ):
                raise ValidationError(
                    {"organisation": _("A competent authority is a government department or a regulator.")}
                )
            if self.province_id and not self.province.contains(self.organisation.jurisdiction):
                raise ValidationError({"organisation": _("The authority is not in this province.")})
