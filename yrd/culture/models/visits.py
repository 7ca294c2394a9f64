"""Cultural park projects and visitors' reservations.

A reservation is for one day at a site with a daily carrying capacity. Confirmed parties never add
up to more than the capacity: the booking write locks the site's row before counting (PostgreSQL
`SELECT … FOR UPDATE`; SQLite serialises writers by itself). A party that does not fit may join the
waiting list; a cancellation promotes waiting parties in the order they asked, as long as they fit.

A site may split its day into timed entry slots (`EntrySlot`, e.g. hourly windows), each with its own
capacity; their capacities add up to no more than the daily capacity. A site with slots takes a
reservation only for one of its slots, and the capacity and waiting list then apply per slot and day.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind
from yrd.core.translation import Bilingual

GROUP_SIZE = 10  # parties of this size or more are group bookings (a named group and organiser)


class ParkProject(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a cultural park project's name",
        "name_en": "a cultural park project's name",
        "longitude": "the project's location",
        "latitude": "the project's location",
    }

    class Stage(models.TextChoices):
        PLANNED = "planned", _("Planned")
        BUILDING = "building", _("Under construction")
        COMPLETED = "completed", _("Completed")
        OPEN = "open", _("Open to the public")

    class Park(models.TextChoices):
        YANGTZE = "yangtze", _("Yangtze River National Cultural Park")
        GRAND_CANAL = "grand_canal", _("Grand Canal National Cultural Park")

    park = models.CharField(_("national cultural park"), max_length=12, choices=Park.choices)
    province = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="culture_projects")
    segment = models.CharField(_("segment"), max_length=100)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    visitors_last_year = models.PositiveIntegerField(_("visitors last year"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"))
    latitude = models.FloatField(_("latitude"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["park", "province__path", "name_zh"]

    def __str__(self):
        return self.name

    def access_scope(self):
        return [self.province], []


class EntrySlot(models.Model):
    resource = models.ForeignKey("culture.HeritageResource", on_delete=models.CASCADE, related_name="slots")
    starts = models.TimeField(_("entry from"))
    ends = models.TimeField(_("entry until"))
    capacity = models.PositiveIntegerField(_("capacity"))

    class Meta:
        ordering = ["resource", "starts"]
        constraints = [models.UniqueConstraint(fields=["resource", "starts"], name="culture_slot_start_unique")]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"

    def access_scope(self):
        return self.resource.access_scope()


class Reservation(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    personal_fields = {"contact_name": Kind.NAME, "contact_phone": Kind.PHONE, "group_name": Kind.NAME}
    personal_subject = "visitor"  # the visitor sees their own in full
    reveal_actions = ("culture.visit.manage",)  # the site's officers, each look audited (core.personal.reveal)

    number = models.CharField(_("number"), max_length=20, unique=True)
    resource = models.ForeignKey("culture.HeritageResource", on_delete=models.PROTECT, related_name="reservations")
    visit_date = models.DateField(_("visit date"))
    slot = models.ForeignKey(
        EntrySlot, on_delete=models.PROTECT, null=True, blank=True, related_name="reservations", verbose_name=_("entry")
    )
    party_size = models.PositiveSmallIntegerField(_("people"))
    group_name = models.CharField(_("group"), max_length=120, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=60)
    contact_phone = models.CharField(_("contact phone"), max_length=20)
    visitor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["visit_date", "created_at", "pk"]
        indexes = [models.Index(fields=["resource", "visit_date", "status"], name="culture_day_bookings")]

    def __str__(self):
        return self.number

    def access_scope(self):
        return self.resource.access_scope()
