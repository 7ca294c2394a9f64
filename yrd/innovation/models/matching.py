"""Needs and capabilities for matchmaking (text in Chinese or English), and the region's exhibitions
with matchmaking meetings in fixed time slots."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual


class Capability(models.Model):
    class Kind(models.TextChoices):
        LAB = "lab", _("Laboratory")
        INSTRUMENT = "instrument", _("Instrument")
        EXPERT = "expert", _("Expert")
        EXHIBITOR = "exhibitor", _("Exhibitor")

    code = models.CharField(_("code"), max_length=24, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.CharField(_("description"), max_length=2000)
    province = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+")
    field = models.CharField(_("field"), max_length=40)
    price_cny = models.DecimalField(_("indicative price (CNY)"), max_digits=12, decimal_places=2, null=True, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")

    def __str__(self):
        return f"{self.code} {self.title}"


class Exhibition(Bilingual, models.Model):
    not_personal = {
        "name_zh": "an exhibition's name",
        "name_en": "an exhibition's name",
    }

    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per meeting slot"), default=30)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def __str__(self):
        return self.name

    def access_scope(self):
        return [self.city], []


class Participant(models.Model):
    """An organisation taking part in an exhibition as an exhibitor (with what it offers) or a buyer
    (with what it looks for). Meetings are booked between an exhibitor and a buyer of the exhibition."""

    class Role(models.TextChoices):
        EXHIBITOR = "exhibitor", _("Exhibitor")
        BUYER = "buyer", _("Buyer")

    exhibition = models.ForeignKey(Exhibition, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    offer = models.CharField(_("offers or looks for"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["role", "organisation__name_zh"]
        constraints = [
            models.UniqueConstraint(fields=["exhibition", "organisation", "role"], name="innovation_participant_once")
        ]
        verbose_name = _("exhibition participant")
        verbose_name_plural = _("exhibition participants")

    def __str__(self):
        return f"{self.exhibition} {self.role} {self.organisation}"


class Meeting(models.Model):
    """A matchmaking meeting between an exhibitor and a buyer in one slot: neither side is booked twice
    in a slot (two unique constraints, checked by the write first with a named message)."""

    exhibition = models.ForeignKey(Exhibition, on_delete=models.PROTECT, related_name="meetings")
    exhibitor = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    buyer = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(_("starts at"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["exhibition", "exhibitor", "starts_at"], name="innovation_exhibitor_slot"),
            models.UniqueConstraint(fields=["exhibition", "buyer", "starts_at"], name="innovation_buyer_slot"),
        ]
        verbose_name = _("matchmaking meeting")
        verbose_name_plural = _("matchmaking meetings")

    def __str__(self):
        return f"{self.exhibition} {self.starts_at:%Y-%m-%d %H:%M}"
