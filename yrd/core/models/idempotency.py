from django.db import models
from django.utils.translation import gettext_lazy as _


class IdempotencyKey(models.Model):
    """A client's key for one write it may retry: the operation, who sent it, a fingerprint of the
    request and what it created. A retry with the same request gets the same result; the same key
    with a different request is refused (see core.idempotency)."""

    operation = models.CharField(_("operation"), max_length=80)
    actor_key = models.CharField(_("sent by"), max_length=40)
    key = models.CharField(_("key"), max_length=80)
    fingerprint = models.CharField(_("request fingerprint"), max_length=64)
    result_id = models.CharField(_("result"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "actor_key", "key"], name="idempotency_key_once")]
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")

    def __str__(self):
        return f"{self.operation} {self.key}"
