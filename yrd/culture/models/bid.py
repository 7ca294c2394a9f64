"""The water towns' serial nomination: one component per town, its boundary and buffer zone, and
the dossier sections each component must complete.

Sections follow the nomination format of UNESCO's Operational Guidelines (Annex 5); sections 8
(contact information) and 9 (signature of the State Party) are written once for the whole
nomination, so a component's checklist is sections 1 to 7. A section moves draft → submitted →
accepted, or back to returned; the table of who may do which move is `writes.bid.TRANSITIONS`.
A component is complete when every section is accepted (derived, never stored).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind
from yrd.core.translation import localized

SECTIONS = {
    1: _("Identification of the property"),
    2: _("Description"),
    3: _("Justification for inscription"),
    4: _("State of conservation and factors affecting the property"),
    5: _("Protection and management"),
    6: _("Monitoring"),
    7: _("Documentation"),
}


class Component(models.Model):
    not_personal = {
        "attributes_zh": "attributes of outstanding universal value of a site",
        "attributes_en": "the same, in English",
    }

    class Plan(models.TextChoices):
        NONE = "none", _("No management plan yet")
        DRAFTING = "drafting", _("Management plan being drafted")
        ADOPTED = "adopted", _("Management plan adopted")
        IN_FORCE = "in_force", _("Management plan in force and implemented")

    resource = models.OneToOneField(
        "culture.HeritageResource", on_delete=models.PROTECT, related_name="component", verbose_name=_("town")
    )
    boundary = models.JSONField(_("boundary of the property"))
    buffer_zone = models.JSONField(_("buffer zone"))
    attributes_zh = models.TextField(_("attributes carrying Outstanding Universal Value (Chinese)"), blank=True)
    attributes_en = models.TextField(_("attributes carrying Outstanding Universal Value (English)"), blank=True)
    management_plan = models.CharField(_("management plan"), max_length=10, choices=Plan.choices, default=Plan.NONE)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["resource__city__path", "resource__code"]
        verbose_name = _("component site")
        verbose_name_plural = _("component sites")

    def __str__(self):
        return str(self.resource)

    @property
    def city(self):
        return self.resource.city

    @property
    def attributes(self):
        return localized(self, "attributes")

    def access_scope(self):
        return [self.resource.city], []


class DossierSection(models.Model):
    not_personal = {
        "text_zh": "nomination dossier text about a heritage site",
        "text_en": "the same, in English",
    }

    class Status(models.TextChoices):
        MISSING = "missing", _("Not started")
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for changes")

    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField(_("section"), choices=list(SECTIONS.items()))
    text_zh = models.TextField(_("text (Chinese)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.MISSING)
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["component", "number"]
        constraints = [models.UniqueConstraint(fields=["component", "number"], name="culture_one_section")]

    def __str__(self):
        return f"{self.component} §{self.number}"

    @property
    def title(self):
        return SECTIONS[self.number]

    @property
    def text(self):
        return localized(self, "text")

    def access_scope(self):
        return self.component.access_scope()


class DossierVersion(models.Model):
    """Every saved text of a section, so provinces can compare what changed since they returned it."""

    not_personal = {
        "text_zh": "an earlier version of that dossier text",
        "text_en": "the same, in English",
    }

    section = models.ForeignKey(DossierSection, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    text_zh = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "-version"]
        constraints = [models.UniqueConstraint(fields=["section", "version"], name="culture_one_version")]

    def __str__(self):
        return f"{self.section} v{self.version}"


class DossierComment(models.Model):
    """A remark between provinces (or the bid office) on a component, optionally on one section."""

    personal_fields = {"author_label": Kind.NAME}
    personal_subject = "author"
    # the author's name in full (core.personal.reveal, audited): the component's editors and reviewers
    reveal_actions = ("culture.component.edit", "culture.component.review")

    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="comments")
    section = models.PositiveSmallIntegerField(null=True, blank=True, choices=list(SECTIONS.items()))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    author_label = models.CharField(max_length=150)
    text = models.CharField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author_label}: {self.text[:40]}"

    def access_scope(self):
        return self.component.access_scope()
