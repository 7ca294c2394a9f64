from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope
from yrd.core.personal import Kind


class RemoteSlot(models.Model):
    """A time an officer of a competent authority offers on the remote virtual window."""

    authority = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competent authority"),
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("remote officer"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=1, validators=[MinValueValidator(1)])
    video_url = models.URLField(
        _("video link"), blank=True, help_text=_("The video call itself runs outside the platform.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("remote window slot")
        verbose_name_plural = _("remote window slots")

    def __str__(self):
        return f"{self.authority} {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The slot ends before it starts.")})


class RemoteBooking(models.Model):
    class State(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CHECKED_IN = "checked_in", _("Checked in, waiting")
        IN_SESSION = "in_session", _("In session")
        DONE = "done", _("Done")
        NO_SHOW = "no_show", _("Did not come")
        CANCELLED = "cancelled", _("Cancelled")

    personal_fields = {"applicant_name": Kind.NAME}

    slot = models.ForeignKey(RemoteSlot, on_delete=models.PROTECT, related_name="bookings")
    window = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("window")
    )
    item = models.ForeignKey(
        "services.ServiceItem",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("service"),
    )
    applicant_name = models.CharField(_("applicant"), max_length=200)
    application = models.ForeignKey(
        "services.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
        verbose_name=_("application"),
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.BOOKED)
    queue_number = models.PositiveSmallIntegerField(_("queue number"), null=True, blank=True)
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField()
    checked_in_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["slot__starts_at", "queue_number", "pk"]
        verbose_name = _("remote window booking")
        verbose_name_plural = _("remote window bookings")

    def __str__(self):
        return f"{self.applicant_name} · {self.slot}"

    def reveal_scopes(self):
        """The booking window's officers and the remote authority's officers see the name in full."""
        window, authority = self.window, self.slot.authority
        return [
            ("services.window.book", Scope((window.jurisdiction,), (window,))),
            ("services.window.serve", Scope((authority.jurisdiction,), (authority,))),
        ]


class RemoteSession(models.Model):
    """What happened on the screen-to-screen call: who, when, outcome."""

    class Outcome(models.TextChoices):
        HANDED_OFF = "handed_off", _("Application handed to the remote officer")
        ADVISED = "advised", _("Guidance given, no application")
        REFERRED = "referred", _("Referred elsewhere")

    personal_fields = {"notes": Kind.FREE_TEXT}
    personal_parent = "booking"

    booking = models.OneToOneField(RemoteBooking, on_delete=models.PROTECT, related_name="session")
    remote_officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(_("started"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("remote window session")
        verbose_name_plural = _("remote window sessions")

    def __str__(self):
        return f"{self.booking} {self.started_at:%H:%M}"
