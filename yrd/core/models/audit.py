from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind

GENESIS = "0" * 64
APPEND_ONLY = "The audit log is append-only: entries and checkpoints are never changed or deleted."


class AppendOnlyQuerySet(models.QuerySet):
    """No bulk update or delete: the audit log is kept for good (see README, "Audit log retention")."""

    def update(self, **kwargs):
        raise PermissionDenied(APPEND_ONLY)

    def delete(self):
        raise PermissionDenied(APPEND_ONLY)


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied(APPEND_ONLY)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(APPEND_ONLY)


class AuditEntry(AppendOnly):
    """One write, as it happened. Entries form chains: `hash` covers this entry and `prev_hash`, the
    hash of the previous entry of the same chain, so altering or deleting any entry breaks its chain
    from there on (see core.audit.verify). `seq` numbers entries across all chains in the order they
    were appended; `chain` says which of the parallel chains (AUDIT_CHAINS) holds the entry.

    The personal values of an entry (the actor's name, the IP address, and `personal_data`, details
    naming a person such as the username of a failed sign-in) are kept only for their retention period
    (core.personal.retention). From format 2 on, the hash covers them through `personal_digest`, a
    digest of the values with a random salt: erasing the values and the salt (`erase_personal`) keeps
    the digest, so the chain still verifies, and the salt makes the digest useless for guessing what
    was erased. Entries of format 1 (before migration 0009) hash the values themselves and keep them."""

    FORMAT_PLAIN, FORMAT_PERSONAL_DIGEST = 1, 2

    personal_fields = {"actor_label": Kind.NAME, "ip": Kind.NETWORK, "personal_data": Kind.NAME}
    reveal_actions = ("core.audit.read",)

    seq = models.PositiveBigIntegerField(_("sequence number"), unique=True)
    chain = models.PositiveSmallIntegerField(_("chain"), default=0)
    hash_alg = models.CharField(_("hash algorithm"), max_length=8, default="sha256")
    at = models.DateTimeField(_("time"))
    actor_id = models.BigIntegerField(_("actor ID"), null=True)
    actor_label = models.CharField(_("actor"), max_length=150)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    object_type = models.CharField(_("object type"), max_length=80)
    object_id = models.CharField(_("object ID"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=6, blank=True)
    ip = models.CharField(_("IP address"), max_length=45, blank=True)
    data = models.JSONField(_("data"), default=dict)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)
    format = models.PositiveSmallIntegerField(_("format"), default=FORMAT_PLAIN)
    personal_data = models.JSONField(_("details naming a person"), default=dict, blank=True)
    personal_salt = models.CharField(_("salt of the personal digest"), max_length=32, blank=True)
    personal_digest = models.CharField(_("digest of the personal values"), max_length=64, blank=True)
    personal_erased_at = models.DateTimeField(_("personal values erased at"), null=True, blank=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"]), models.Index(fields=["chain", "seq"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"#{self.seq} {self.action} {self.object_repr}"

    def access_scope(self):
        from yrd.core.models.jurisdictions import Jurisdiction

        return list(Jurisdiction.objects.filter(code=self.jurisdiction)) if self.jurisdiction else [], []

    @classmethod
    def personal_holding(cls):
        """Entries whose personal values can still be erased: format 2, not erased yet."""
        return models.Q(format=cls.FORMAT_PERSONAL_DIGEST, personal_erased_at__isnull=True)

    @classmethod
    def personal_erase_rows(cls, rows) -> None:
        """Erase the personal values of `rows` (core.personal.retention): the digest stays in the chain."""
        erase_personal([row.pk for row in rows])


# The values an erased entry holds: the PostgreSQL trigger of migration 0009 accepts this update only.
ERASED = {"actor_label": "", "ip": "", "personal_data": {}, "personal_salt": ""}


def erase_personal(pks) -> int:
    """The one change the audit log accepts: a format-2 entry's personal values and salt emptied."""
    from django.utils import timezone

    rows = AuditEntry.objects.filter(
        pk__in=list(pks), format=AuditEntry.FORMAT_PERSONAL_DIGEST, personal_erased_at__isnull=True
    )
    return models.QuerySet.update(rows, **ERASED, personal_erased_at=timezone.now())


class AuditHead(models.Model):
    """The last entry of one chain. A write locks the head of a chain no other write holds, so
    audited writes proceed in parallel while each chain stays in order."""

    chain = models.PositiveSmallIntegerField(_("chain"), unique=True, default=0)
    seq = models.PositiveBigIntegerField(_("sequence number"), default=0)
    hash = models.CharField(_("hash"), max_length=64, default=GENESIS)

    class Meta:
        ordering = ["chain"]
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain heads")

    def __str__(self):
        return f"{self.chain}: #{self.seq} {self.hash[:12]}"


class DataVersion(models.Model):
    """How far one module's data has moved in one audit chain: the sequence number of the chain's
    last entry about that module, and of the last one that changed what the public sees. Written
    with the entry, by the transaction that holds the chain's head (so never contended); a module's
    version is the sum over the chains. Caches key a page by the versions of the modules it reads
    (yrd.core.caching), so a services application does not make the plan's pages stale."""

    module = models.CharField(_("module"), max_length=40)
    chain = models.PositiveSmallIntegerField(_("chain"))
    version = models.PositiveBigIntegerField(_("version"), default=0)
    public_version = models.PositiveBigIntegerField(_("public version"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["module", "chain"], name="core_dataversion_module_chain")]
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self):
        return f"{self.module}@{self.chain}: {self.version}/{self.public_version}"


class AuditCheckpoint(AppendOnly):
    """A signed statement of every chain's head at a moment, made by `audit_checkpoint` and kept
    both here and in the append-only export file (AUDIT_CHECKPOINT_FILE) that is copied elsewhere.
    `statement` is exactly what was signed (see core.audit.checkpoints)."""

    number = models.PositiveBigIntegerField(_("number"), unique=True)
    at = models.DateTimeField(_("time"))
    key_id = models.CharField(_("signing key"), max_length=16)
    statement = models.JSONField(_("signed statement"))
    signature = models.CharField(_("signature"), max_length=256)

    class Meta:
        ordering = ["number"]
        verbose_name = _("audit checkpoint")
        verbose_name_plural = _("audit checkpoints")

    def __str__(self):
        return f"#{self.number} {self.at:%Y-%m-%d %H:%M}"
