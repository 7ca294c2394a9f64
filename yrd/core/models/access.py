import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual


class Role(Bilingual, models.Model):
    """A named set of actions (permissions as data). Which jurisdiction it applies to is the
    assignment's business, not the role's."""

    not_personal = {
        "name_zh": "a role's title",
        "name_en": "a role's title",
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=60)
    actions = models.JSONField(_("actions"), default=list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.name

    def clean(self):
        from yrd.core.registry import registry

        unknown = sorted(set(self.actions) - set(registry.actions))
        if unknown:
            raise ValidationError({"actions": _("Unknown actions: %s") % ", ".join(unknown)})


class RoleAssignment(models.Model):
    """`user` holds `role` within `jurisdiction` (and everything inside it), optionally only for
    objects of one organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("role"))
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="role_assignments",
        verbose_name=_("jurisdiction"),
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
        verbose_name=_("organisation"),
        help_text=_(
            "Leave empty for the whole jurisdiction; otherwise the role applies only to this organisation's objects."
        ),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "jurisdiction", "organisation"],
                name="unique_role_assignment",
                condition=models.Q(organisation__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "jurisdiction"],
                name="unique_role_assignment_no_org",
                condition=models.Q(organisation__isnull=True),
            ),
        ]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")

    def __str__(self):
        scope = self.organisation or self.jurisdiction
        return f"{self.user} · {self.role} · {scope}"

    def audit_label(self):
        """How the audit log names it: the person by account number, never by name (core.personal)."""
        return f"User #{self.user_id} · {self.role.code} · {self.jurisdiction.code}"

    def clean(self):
        """Separation of duties: nobody holds two of the system, security and audit administrator roles."""
        from yrd.core.mlps.duties import DUTY_NAMES, DUTY_ROLES

        if self.role_id is None or self.user_id is None or self.role.code not in DUTY_ROLES:
            return
        others = (
            RoleAssignment.objects.filter(user_id=self.user_id, role__code__in=DUTY_ROLES)
            .exclude(role__code=self.role.code)
            .exclude(pk=self.pk)
            .values_list("role__code", flat=True)
        )
        held = next(iter(others), None)
        if held:
            raise ValidationError(
                {
                    "role": _("Separation of duties: this person is already %(held)s and cannot also be %(new)s.")
                    % {"held": DUTY_NAMES[held], "new": DUTY_NAMES[self.role.code]}
                }
            )


def hash_token(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for programs calling the API on a person's behalf. Only its hash is kept.

    A token carries at most its owner's rights, narrowed by its scope (read-only tokens may only
    read), and stops working when it expires; superusers may not hold one (see `api_token_create`)."""

    READ = "read"
    READ_WRITE = "read_write"
    SCOPES = [(READ, _("read only")), (READ_WRITE, _("read and write"))]
    LIFETIMES_DAYS = (30, 90, 365)

    not_personal = {
        "name": "the label its owner gives a token (the program using it)",
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    scope = models.CharField(_("scope"), max_length=10, choices=SCOPES, default=READ)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    two_factor = models.BooleanField(
        _("created after two-factor sign-in"),
        default=False,
        editable=False,
        help_text=_("Tokens of people whose roles require two-factor authentication work only if this is set."),
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user} · {self.name}"

    @staticmethod
    def new_key():
        return "yrd_" + secrets.token_urlsafe(32)
