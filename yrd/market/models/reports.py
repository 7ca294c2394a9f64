"""Violation reports: what a reporter says about an enterprise, from any of the three doors (web form, Open311,
province feeds), and where consolidation placed it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope
from yrd.core.personal import Kind
from yrd.core.uploads import RandomName
from yrd.market.categories import VIOLATION_CATEGORIES

RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read out over the phone


def new_receipt() -> str:
    """An unguessable receipt number (31^10 ≈ 8e14): who holds it may follow the report without an account."""
    return "MV-" + "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(10))


CATEGORY_CHOICES = [(code, _(names[1])) for code, names in VIOLATION_CATEGORIES.items()]


class Report(models.Model):
    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        OPEN311 = "open311", _("Open311 API")
        FEED = "feed", _("Province feed")

    class UsccStatus(models.TextChoices):
        VALID = "valid", _("valid")
        INVALID = "invalid", _("fails its check digit")
        MISSING = "missing", _("not given")

    personal_fields = {
        "reporter_name": Kind.NAME,
        "reporter_phone": Kind.PHONE,
        "reporter_email": Kind.EMAIL,
        "description": Kind.FREE_TEXT,
        "place": Kind.ADDRESS,
        "latitude": Kind.LOCATION,
        "longitude": Kind.LOCATION,
    }
    not_personal = {
        "subject_name": "the reported enterprise's name",
        "subject_address": "the reported enterprise's registered address",
        "subject_phone": "the reported enterprise's public phone",
    }

    personal_subject = "reporter"

    receipt = models.CharField(_("receipt number"), max_length=16, unique=True, default=new_receipt, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    source = models.CharField(_("source system"), max_length=40, blank=True, help_text=_("the feed's system"))
    external_id = models.CharField(_("id in the source system"), max_length=64, blank=True)
    subject_name = models.CharField(_("enterprise name"), max_length=200)
    subject_uscc = models.CharField(_("enterprise USCC"), max_length=32, blank=True)
    uscc_status = models.CharField(_("USCC check"), max_length=10, choices=UsccStatus.choices)
    subject_address = models.CharField(_("enterprise address"), max_length=300, blank=True)
    subject_phone = models.CharField(_("enterprise phone"), max_length=40, blank=True)
    incident_city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city of the incident")
    )
    category = models.CharField(_("category"), max_length=30, choices=CATEGORY_CHOICES)
    occurred_at = models.DateTimeField(_("when it happened"), null=True, blank=True)
    place = models.CharField(_("where it happened"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(_("description"), max_length=4000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="market_reports",
        verbose_name=_("reporter's account"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitting system's account"),
    )
    reporter_name = models.CharField(_("reporter's name"), max_length=60, blank=True)
    reporter_phone = models.CharField(_("reporter's phone"), max_length=30, blank=True)
    reporter_email = models.EmailField(_("reporter's e-mail"), max_length=120, blank=True)
    received_at = models.DateTimeField(_("received at"))
    enterprise_key = models.CharField(
        _("enterprise (consolidated)"), max_length=64, blank=True, db_index=True, editable=False
    )
    case = models.ForeignKey(
        "market.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports", verbose_name=_("case")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=~models.Q(external_id=""), name="market_report_feed_id"
            )
        ]
        verbose_name = _("violation report")
        verbose_name_plural = _("violation reports")

    def __str__(self):
        return self.receipt

    def reveal_scopes(self):
        """Who sees the personal fields in full (core.personal.reveal, and the case page's "show the
        contact"): a regulator with the contact right over where it happened until a case takes the
        report, then only the regulator leading the case, who may need to call the reporter back."""
        where = self.case.lead_jurisdiction if self.case_id else self.incident_city
        return [("market.report.contact", Scope((where,)))]

    def access_scope(self):
        jurisdictions = [self.incident_city]
        if self.case_id:
            jurisdictions += self.case.jurisdictions_concerned()
        return jurisdictions, []


class Evidence(models.Model):
    """A file backing a report (sent with it) or a case (added by a regulator). Stored under a random name and
    served only by the access-checked download (`market:evidence`), never from /media/."""

    personal_fields = {"file": Kind.DOCUMENT, "name": Kind.FREE_TEXT}

    personal_parent = "report"

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence", verbose_name=_("report")
    )
    case = models.ForeignKey(
        "market.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="evidence", verbose_name=_("case")
    )
    file = models.FileField(_("file"), upload_to=RandomName("market/evidence"))
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("added by"),
    )  # fmt: skip
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(report__isnull=False, case__isnull=True)
                | models.Q(report__isnull=True, case__isnull=False),
                name="market_evidence_report_or_case",
            )
        ]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.name

    def reveal_scopes(self):
        """A file a regulator added to a case (no report, so no `personal_parent`): its name in full for
        the regulator leading the case, as for the case's reporters' contacts (core.personal.reveal)."""
        return [("market.report.contact", Scope((self.case.lead_jurisdiction,)))]

    def access_scope(self):
        return (self.report or self.case).access_scope()
