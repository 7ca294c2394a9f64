"""Operational intents: what an operator plans to fly, where, how high and when, and the consent of
each province whose airspace it uses."""

import shapely
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind
from yrd.lowalt.conflicts import AltitudeBand, OperationalIntent, Priority, TimeWindow, Volume4D


class IntentState(models.TextChoices):
    AWAITING_CONSENT = "awaiting_consent", _("Awaiting the authorities' consent")
    ACCEPTED = "accepted", _("Accepted")
    DISPLACED = "displaced", _("Displaced by an emergency: replan")
    REFUSED = "refused", _("Refused by an authority")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Intents in these states hold their airspace: nothing of equal or lower priority may overlap them.
HOLDING = (IntentState.AWAITING_CONSENT, IntentState.ACCEPTED)


class Intent(models.Model):
    class Priority(models.IntegerChoices):
        NORMAL = Priority.NORMAL, _("Normal")
        EMERGENCY = Priority.EMERGENCY, _("Emergency")

    # Who may read the provinces' consent notes on it in full (core.personal.reveal, audited).
    reveal_actions = ("lowalt.intent.submit", "lowalt.intent.consent", "lowalt.intent.oversee")

    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    operator = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="lowalt_intents", verbose_name=_("operator")
    )
    aircraft = models.ForeignKey(
        "lowalt.Aircraft", on_delete=models.PROTECT, related_name="intents", verbose_name=_("aircraft")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("submitted by")
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.NORMAL)
    state = models.CharField(_("state"), max_length=20, choices=IntentState.choices, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    provinces = models.ManyToManyField(
        "core.Jurisdiction", related_name="lowalt_intents", verbose_name=_("provinces crossed"), blank=True
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("operational intent")
        verbose_name_plural = _("operational intents")

    def __str__(self):
        return self.number

    def access_scope(self):
        return list(self.provinces.all()), [self.operator]

    def to_engine(self) -> OperationalIntent:
        volumes = tuple(v.to_engine() for v in self.volumes.all())
        return OperationalIntent(self.number, volumes, self.priority)


class IntentVolume(models.Model):
    """One 4D volume of an intent. The projected footprint and its bounding box are stored as they were
    checked, so the candidates of a conflict check come from indexed columns, not from recomputing."""

    class Kind(models.TextChoices):
        ROUTE = "route", _("Route")
        AREA = "area", _("Area")

    intent = models.ForeignKey(Intent, on_delete=models.CASCADE, related_name="volumes", verbose_name=_("intent"))
    ordinal = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    outline = models.JSONField(_("outline"), help_text=_("[[longitude, latitude], ...]"))
    buffer_m = models.FloatField(_("buffer (m)"))
    lower_m = models.FloatField(_("lower limit (m true height)"))
    upper_m = models.FloatField(_("upper limit (m true height)"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    footprint = models.BinaryField(_("footprint (WKB, region projection)"))
    min_x = models.FloatField()
    min_y = models.FloatField()
    max_x = models.FloatField()
    max_y = models.FloatField()

    class Meta:
        ordering = ["intent", "ordinal"]
        constraints = [models.UniqueConstraint(fields=["intent", "ordinal"], name="lowalt_volume_ordinal")]
        indexes = [models.Index(fields=["starts_at", "ends_at"]), models.Index(fields=["min_x", "max_x"])]
        verbose_name = _("intent volume")
        verbose_name_plural = _("intent volumes")

    def __str__(self):
        return f"{self.intent_id}/{self.ordinal}"

    def geometry(self) -> shapely.Geometry:
        return shapely.from_wkb(bytes(self.footprint))

    def to_engine(self) -> Volume4D:
        return Volume4D(
            self.geometry(), AltitudeBand(self.lower_m, self.upper_m), TimeWindow(self.starts_at, self.ends_at)
        )


class Consent(models.Model):
    """One province's consent to an intent that crosses it or needs its approval, asked in order."""

    personal_fields = {"note": Kind.FREE_TEXT}  # an officer's words may name people
    personal_parent = "intent"  # who works or flies the intent may read a province's note (audited)
    personal_subject = "decided_by"  # the officer who wrote the note reads their own words, unrecorded

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    intent = models.ForeignKey(Intent, on_delete=models.CASCADE, related_name="consents", verbose_name=_("intent"))
    order = models.PositiveSmallIntegerField(_("order"))
    province = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["intent", "order"]
        constraints = [models.UniqueConstraint(fields=["intent", "order"], name="lowalt_consent_order")]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.intent_id}/{self.order} {self.state}"

    def access_scope(self):
        return [self.province], []


class Refusal(models.Model):
    """A submission the conflict check turned away: counted as a conflict prevented, shown to its operator."""

    operator = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("operator")
    )
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    conflicts = models.PositiveSmallIntegerField(_("conflicts"))
    details = models.JSONField(_("details"), default=dict)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("refused submission")
        verbose_name_plural = _("refused submissions")

    def __str__(self):
        return f"{self.operator_id} {self.at:%Y-%m-%d %H:%M}"

    def access_scope(self):
        return [self.operator.jurisdiction], [self.operator]
