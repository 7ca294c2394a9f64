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
    were appended; `chain` says which of the parallel chains (AUDIT_CHAINS) holds the entry."""

    personal_fields = {"actor_label": Kind.NAME, "ip": Kind.NETWORK}

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

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"]), models.Index(fields=["chain", "seq"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"#{self.seq} {self.action} {self.object_repr}"


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
