"""Vouchers, the quarterly settlement between provinces and the anomalies. A firm sees its own
vouchers; a province the vouchers it issued, its settlements and its anomalies."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from yrd.core.access import can, filter_visible
from yrd.core.models import Jurisdiction
from yrd.innovation.apps import BOOK, VOUCHER
from yrd.innovation.models import Booking, Programme, Redemption, Relation, Usage, Voucher


def vouchers_visible_to(user) -> QuerySet[Voucher]:
    held = filter_visible(
        Voucher.objects.all(), user, BOOK, jurisdiction_fields=["firm__jurisdiction"], organisation_field="firm"
    )
    issued = filter_visible(Voucher.objects.all(), user, VOUCHER, jurisdiction_fields=["programme__province"])
    rows = Voucher.objects.filter(Q(pk__in=held.values("pk")) | Q(pk__in=issued.values("pk")))
    return rows.select_related("programme__province", "firm", "redemption__booking__instrument")


def programmes_visible_to(user) -> QuerySet[Programme]:
    return filter_visible(Programme.objects.select_related("province"), user, VOUCHER, jurisdiction_fields=["province"])


def budget_left(programme: Programme) -> Decimal:
    issued = programme.vouchers.aggregate(total=Sum("amount_cny"))["total"] or Decimal(0)
    return programme.budget_cny - issued


def provinces_for_settlement(user) -> list[Jurisdiction]:
    """The provinces whose settlements and anomalies the user may read."""
    return [p for p in Jurisdiction.objects.filter(level="province") if can(user, VOUCHER, p)]


@dataclass(frozen=True)
class SettlementLine:
    debtor: Jurisdiction  # the issuing province, who owes
    creditor: Jurisdiction  # the provider's province, who is owed
    redemptions: int
    amount_cny: Decimal


def valid_quarter(year, quarter) -> bool:
    return isinstance(year, int) and 2000 <= year <= 2100 and quarter in (1, 2, 3, 4)


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, last


def settlement(year: int, quarter: int, province: Jurisdiction | None = None) -> list[SettlementLine]:
    """Who owes whom for the quarter's cross-province redemptions, by province pair; with `province`,
    only the pairs it is part of. Sums exactly to the redemptions (decimal arithmetic in the database)."""
    first, after = quarter_bounds(year, quarter)
    rows = Redemption.objects.filter(redeemed_on__gte=first, redeemed_on__lt=after).exclude(
        issuing_province=F("provider_province")
    )
    if province is not None:
        rows = rows.filter(Q(issuing_province=province) | Q(provider_province=province))
    pairs = rows.values("issuing_province", "provider_province").annotate(n=Count("pk"), total=Sum("amount_cny"))
    names = Jurisdiction.objects.in_bulk(
        {p["issuing_province"] for p in pairs} | {p["provider_province"] for p in pairs}
    )
    lines = [
        SettlementLine(names[p["issuing_province"]], names[p["provider_province"]], p["n"], _cny(p["total"]))
        for p in pairs
    ]
    return sorted(lines, key=lambda line: (line.debtor.code, line.creditor.code))


def _cny(value) -> Decimal:
    # SQLite returns sums of decimals without their scale (300 for 300.00): give it back
    return Decimal(value).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Anomaly:
    kind: str  # usage_without_booking, booking_never_used, related_provider
    what: str
    province: str


def anomalies(province: Jurisdiction | None = None, *, today: date | None = None) -> list[Anomaly]:
    """Usage without a booking; approved bookings ended more than a week ago and never used; redemptions
    at a provider tied to the firm. With `province`: those of its firms or providers."""
    today = today or timezone.localdate()
    found = []
    usages = Usage.objects.filter(booking__isnull=True).select_related("instrument__city__parent", "firm")
    for usage in usages:
        found.append(
            Anomaly(
                "usage_without_booking",
                f"{usage.instrument.code} {usage.used_on} {usage.firm}",
                usage.instrument.city.province.code,
            )
        )
    stale = Booking.objects.filter(state=Booking.State.APPROVED, ends_at__date__lt=today - timedelta(days=7)).filter(
        ~Exists(Usage.objects.filter(booking=OuterRef("pk")))
    )
    for booking in stale.select_related("instrument__city__parent", "firm"):
        found.append(
            Anomaly("booking_never_used", f"{booking.number} {booking.firm}", booking.instrument.city.province.code)
        )
    ties = Relation.objects.filter(firm=OuterRef("voucher__firm"), provider=OuterRef("provider"))
    for redemption in Redemption.objects.filter(Exists(ties)).select_related(
        "voucher__firm", "provider", "issuing_province"
    ):
        found.append(
            Anomaly(
                "related_provider",
                f"{redemption.voucher.number}: {redemption.voucher.firm} → {redemption.provider}",
                redemption.issuing_province.code,
            )
        )
    if province is not None:
        found = [a for a in found if a.province == province.code]
    return found


def redeemed(voucher: Voucher) -> bool:
    return Redemption.objects.filter(voucher=voucher).exists()
