"""Innovation vouchers (创新券), redeemable across the four provinces (通用通兑).

A province opens a programme for a year with a budget and a cap per firm. Issuing a voucher draws on
the budget: what is left is the budget less the vouchers issued, never below zero (the programme's
row is locked while a voucher is issued). A voucher is redeemed at most once (one-to-one, under the
voucher's row lock) against a completed booking with its usage record, at a provider in any of the
four provinces; the issuing province then owes the provider's province the amount redeemed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope


class Programme(models.Model):
    province = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    budget_cny = models.DecimalField(_("budget (CNY)"), max_digits=14, decimal_places=2)
    firm_cap_cny = models.DecimalField(_("cap per firm and year (CNY)"), max_digits=12, decimal_places=2)
    valid_days = models.PositiveSmallIntegerField(_("days a voucher is valid"), default=365)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-year", "province__path"]
        constraints = [models.UniqueConstraint(fields=["province", "year"], name="innovation_programme_once")]
        verbose_name = _("voucher programme")
        verbose_name_plural = _("voucher programmes")

    def __str__(self):
        return f"{self.province} {self.year}"

    def access_scope(self):
        return [self.province], []


class Voucher(models.Model):
    number = models.CharField(_("number"), max_length=24, unique=True)
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="vouchers")
    firm = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="innovation_vouchers", verbose_name=_("firm")
    )
    amount_cny = models.DecimalField(_("face value (CNY)"), max_digits=12, decimal_places=2)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(amount_cny__gt=0), name="innovation_voucher_positive")]
        verbose_name = _("innovation voucher")
        verbose_name_plural = _("innovation vouchers")

    def __str__(self):
        return self.number

    def holder_side(self) -> Scope:
        return Scope((self.firm.jurisdiction,), (self.firm,))

    def issuer_side(self) -> Scope:
        return Scope((self.programme.province,), ())

    def access_scope(self):
        return self.issuer_side().access_scope()


class Redemption(models.Model):
    voucher = models.OneToOneField(Voucher, on_delete=models.PROTECT, related_name="redemption")
    booking = models.OneToOneField(
        "innovation.Booking", on_delete=models.PROTECT, related_name="redemption", verbose_name=_("booking")
    )
    provider = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    issuing_province = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+")
    provider_province = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+")
    amount_cny = models.DecimalField(_("amount (CNY)"), max_digits=12, decimal_places=2)
    redeemed_on = models.DateField(_("redeemed on"))
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-redeemed_on", "-pk"]
        verbose_name = _("redemption")
        verbose_name_plural = _("redemptions")

    def __str__(self):
        return f"{self.voucher.number} → {self.booking.number}"

    @property
    def cross_province(self) -> bool:
        return self.issuing_province_id != self.provider_province_id


class Relation(models.Model):
    """A declared tie between a firm and a provider (shareholding, same group, a shared director):
    redemptions between them are flagged."""

    firm = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("firm"))
    provider = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("provider")
    )
    kind = models.CharField(_("kind of tie"), max_length=100)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["firm", "provider"], name="innovation_relation_once")]
        verbose_name = _("related party")
        verbose_name_plural = _("related parties")

    def __str__(self):
        return f"{self.firm} ~ {self.provider}"
