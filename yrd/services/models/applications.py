from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope
from yrd.core.personal import Kind as Personal
from yrd.core.uploads import RandomName

from .catalogue import Mode


class State(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RECEIVED = "received", _("Received, materials checked")
    FORWARDED = "forwarded", _("Forwarded to the competent authority")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    CORRECTION = "correction", _("Correction requested")
    IN_HANDLING = "in_handling", _("In handling")
    DECIDED = "decided", _("Decided")
    DELIVERED = "delivered", _("Delivered")


class Application(models.Model):
    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        WINDOW = "window", _("Service window")

    class ApplicantKind(models.TextChoices):
        PERSON = "person", _("Person")
        ENTERPRISE = "enterprise", _("Enterprise")

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        DENIED = "denied", _("Denied")

    class Delivery(models.TextChoices):
        COURIER = "courier", _("Courier")
        WINDOW = "window", _("Pickup at the window")

    personal_fields = {
        "applicant_name": Personal.NAME,
        "applicant_id_number": Personal.RESIDENT_ID,
        "rejection_reasons": Personal.FREE_TEXT,
        "decision_note": Personal.FREE_TEXT,
    }
    not_personal = {
        "applicant_kind": "person or enterprise",
        "applicant_uscc": "an enterprise's public registration code",
    }

    personal_subject = "applicant_user"

    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    item = models.ForeignKey(
        "services.ServiceItem",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("service"),
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    receiving_window = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("receiving window"),
    )
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_applications",
        verbose_name=_("applicant's account"),
    )
    applicant_kind = models.CharField(_("applicant is"), max_length=10, choices=ApplicantKind.choices)
    applicant_name = models.CharField(_("applicant"), max_length=200)
    applicant_id_number = models.CharField(_("resident ID number"), max_length=18, blank=True)
    applicant_uscc = models.CharField(_("Unified Social Credit Code"), max_length=18, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.SUBMITTED, db_index=True)
    resume_state = models.CharField(
        max_length=12, choices=State.choices, blank=True, help_text="Where a correction returns to."
    )
    consent_signed = models.BooleanField(_("signed consent form taken"), default=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"))
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    forwarded_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    # The clock as recorded: the limit in force when the application was accepted, the due date
    # (kept current while the clock runs), and at the decision whether it was on time.
    time_limit_days = models.PositiveSmallIntegerField(_("time limit (working days)"), null=True, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField(
        _("due date provisional"),
        default=False,
        help_text=_("The period counts days of a year whose holiday arrangement is not published yet."),
    )
    review_due_on = models.DateField(_("review due"), null=True, blank=True)
    worked_days = models.PositiveSmallIntegerField(_("working days used"), null=True, blank=True)
    on_time = models.BooleanField(_("decided on time"), null=True, blank=True)
    rejection_reasons = models.TextField(_("reasons for rejection"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    delivery_method = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices, blank=True)
    tracking_number = models.CharField(_("courier tracking number"), max_length=30, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["applicant_id_number"]),
            models.Index(fields=["applicant_uscc"]),
        ]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self):
        return self.number

    @property
    def applicant_identifier(self):
        return self.applicant_id_number or self.applicant_uscc

    @property
    def is_open(self):
        return self.state not in (State.REJECTED, State.DECIDED, State.DELIVERED)

    def reveal_scopes(self):
        """Who sees the applicant in full (core.personal.reveal, audited): the receiving window's
        officers and the competent authorities' handling officers; the applicant always."""
        steps = list(self.steps.all())
        authorities = Scope(tuple(s.jurisdiction for s in steps), tuple(s.authority for s in steps))
        window = self.receiving_window
        scopes = [("services.accept", authorities), ("services.decide", authorities)]
        return scopes + ([("services.receive", Scope((window.jurisdiction,), (window,)))] if window else [])


class HandlingStep(models.Model):
    """The part of an application one jurisdiction handles. One step unless joint handling; steps of
    the same order run in parallel, a higher order waits for the lower ones."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DENIED = "denied", _("Denied")
        CANCELLED = "cancelled", _("Not needed")

    personal_parent = "application"
    personal_fields = {"note": Personal.FREE_TEXT}

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handling jurisdiction"),
    )
    authority = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competent authority"),
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    note = models.TextField(_("note"), blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "jurisdiction"], name="step_once_per_jurisdiction")
        ]
        verbose_name = _("handling step")
        verbose_name_plural = _("handling steps")

    def __str__(self):
        return f"{self.application.number} #{self.order} {self.jurisdiction}"


class Material(models.Model):
    """A file on an application: uploaded (type sniffed, checksum kept), reused from an earlier
    application with the applicant's consent, or a decision document."""

    class Role(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted material")
        DECISION = "decision", _("Decision document")

    personal_parent = "application"
    personal_fields = {"file": Personal.DOCUMENT, "original_name": Personal.FREE_TEXT}

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="materials")
    material_type = models.ForeignKey(
        "services.MaterialType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("material type"),
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.SUBMITTED)
    step = models.ForeignKey(
        "services.HandlingStep",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision_documents",
        verbose_name=_("decided in step"),
        help_text=_("For a decision document: the handling step whose decision it records."),
    )
    file = models.FileField(upload_to=RandomName("services/materials"), max_length=200)  # never the sender's name
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    reused_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="reuses")
    reuse_consent_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["application", "material_type__code", "added_at"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.original_name


class Correction(models.Model):
    """A correction request (补正): the clock stops from the request until the applicant answers."""

    personal_parent = "application"
    personal_fields = {"reasons": Personal.FREE_TEXT, "response_note": Personal.FREE_TEXT}

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="corrections")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    reasons = models.TextField(_("what to correct"))
    material_types = models.ManyToManyField(
        "services.MaterialType",
        blank=True,
        related_name="+",
        verbose_name=_("materials to provide again"),
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    response_note = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["application", "requested_at"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")

    def __str__(self):
        return f"{self.application.number} {self.requested_at:%Y-%m-%d}"


class ExchangeRecord(models.Model):
    """One hand-off between organisations (forward, decision, return), with the checksum of what
    was sent; the same facts are in the audit chain (audit_seq), so either side can prove it."""

    class Kind(models.TextChoices):
        FORWARD = "forward", _("Forward")
        DECISION = "decision", _("Decision")
        RETURN = "return", _("Return")

    personal_parent = "application"
    personal_fields = {"payload": Personal.FREE_TEXT}
    not_personal = {
        "payload_sha256": "a hash of the payload, kept as proof when the payload is erased",
    }

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="exchanges")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sender = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("sender")
    )
    receiver = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("receiver")
    )
    sender_province = models.CharField(max_length=6)
    receiver_province = models.CharField(max_length=6)
    payload = models.JSONField(default=dict)
    payload_sha256 = models.CharField(_("payload checksum"), max_length=64)
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    audit_seq = models.PositiveBigIntegerField(_("audit entry"))

    class Meta:
        ordering = ["application", "sent_at", "pk"]
        verbose_name = _("exchange record")
        verbose_name_plural = _("exchange records")

    def __str__(self):
        return f"{self.application.number} {self.kind} {self.sender_province}→{self.receiver_province}"

    @property
    def cross_province(self):
        return self.sender_province != self.receiver_province
