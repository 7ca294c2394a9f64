"""The stock ledger. Stock is never stored: a lot's balance is the sum of its movements, and what a
warehouse may still promise is that balance less what open commitments have reserved. Every change
is a numbered transaction of one warehouse ([warehouse code]-[sequence], e.g. SH-PD01-000123) made of
movements, each adding to or taking from one lot."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Lot(models.Model):
    warehouse = models.ForeignKey(
        "emergency.Warehouse", on_delete=models.PROTECT, related_name="lots", verbose_name=_("warehouse")
    )
    item = models.ForeignKey("emergency.Item", on_delete=models.PROTECT, related_name="lots", verbose_name=_("item"))
    number = models.CharField(_("lot number"), max_length=40)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["warehouse", "item", "expires_on", "number"]
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "item", "number"], name="emergency_lot_unique_number")
        ]
        verbose_name = _("lot")
        verbose_name_plural = _("lots")

    def __str__(self):
        return f"{self.item.code} {self.number}"

    def access_scope(self):
        return self.warehouse.access_scope()


class StockTransaction(models.Model):
    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("Receipt")
        ISSUE = "issue", _("Issue")
        TRANSFER_OUT = "transfer_out", _("Transfer out")
        TRANSFER_IN = "transfer_in", _("Transfer in")
        ADJUSTMENT = "adjustment", _("Adjustment")

    class Reason(models.TextChoices):
        COUNT = "count", _("Stock count")
        DAMAGE = "damage", _("Damaged in store")
        EXPIRED = "expired", _("Expired, disposed of")
        OTHER = "other", _("Other")

    not_personal = {
        "reason": "a stock movement's reason",
        "note": "a warehouse's note on a stock movement",
    }

    warehouse = models.ForeignKey(
        "emergency.Warehouse", on_delete=models.PROTECT, related_name="transactions", verbose_name=_("warehouse")
    )
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("number"), max_length=24, unique=True)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices, blank=True)
    counterpart = models.CharField(
        _("counterpart"),
        max_length=200,
        blank=True,
        help_text=_("Supplier or donor of a receipt, recipient of an issue."),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    commitment = models.ForeignKey(
        "emergency.Commitment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transactions",
        verbose_name=_("commitment"),
    )
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["warehouse", "sequence"], name="emergency_transaction_sequence")]
        verbose_name = _("stock transaction")
        verbose_name_plural = _("stock transactions")

    def __str__(self):
        return self.number

    def access_scope(self):
        return self.warehouse.access_scope()


class Movement(models.Model):
    transaction = models.ForeignKey(
        StockTransaction, on_delete=models.CASCADE, related_name="movements", verbose_name=_("transaction")
    )
    lot = models.ForeignKey(Lot, on_delete=models.PROTECT, related_name="movements", verbose_name=_("lot"))
    quantity = models.BigIntegerField(_("quantity"), help_text=_("Positive: into the lot; negative: out of it."))

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=~models.Q(quantity=0), name="emergency_movement_not_zero")]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")

    def __str__(self):
        return f"{self.transaction.number} {self.lot} {self.quantity:+d}"
