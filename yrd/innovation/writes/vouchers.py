"""Innovation vouchers: a province's programme and budget, issuing within budget and the per-firm cap,
and redemption for used instrument time at a provider in any of the four provinces.

Budget never goes negative: issuing holds the programme's row lock, and what is left is computed from
the vouchers issued under that lock. A voucher is spent at most once: redeeming holds the voucher's
row lock, and the redemption is one-to-one with the voucher (and with the booking) in the database."""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.models import Jurisdiction, Organisation
from yrd.innovation.apps import BOOK, VOUCHER
from yrd.innovation.models import Booking, Programme, Redemption, Relation, Usage, Voucher

from .common import audit, check_amount, check_text, raise_if, set_number


@write
def programme_open(
    *, acting_user, province: Jurisdiction, year: int, budget_cny, firm_cap_cny, valid_days: int = 365, is_demo=False
) -> Programme:
    require(acting_user, VOUCHER, province)
    errors: dict = {}
    budget = check_amount(errors, "budget_cny", budget_cny)
    cap = check_amount(errors, "firm_cap_cny", firm_cap_cny)
    if province.level != Jurisdiction.Level.PROVINCE:
        errors["province"] = [_("Vouchers are issued by a province.")]
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        errors["year"] = [_("Give the programme's year.")]
    elif Programme.objects.filter(province=province, year=year).exists():
        errors["year"] = [_("%(p)s already has a programme for %(y)d.") % {"p": province.name, "y": year}]
    if not isinstance(valid_days, int) or not 1 <= valid_days <= 1100:
        errors["valid_days"] = [_("A voucher is valid for 1 to 1,100 days.")]
    if "budget_cny" not in errors and "firm_cap_cny" not in errors and cap > budget:
        errors["firm_cap_cny"] = [_("The cap per firm cannot exceed the budget.")]
    raise_if(errors)
    programme = Programme.objects.create(
        province=province, year=year, budget_cny=budget, firm_cap_cny=cap, valid_days=valid_days, is_demo=is_demo
    )
    audit(acting_user, "innovation.programme.open", programme, province.code, budget=str(budget), cap=str(cap))
    return programme


def issued_total(programme: Programme, firm: Organisation | None = None) -> Decimal:
    rows = Voucher.objects.filter(programme=programme)
    if firm is not None:
        rows = rows.filter(firm=firm)
    return rows.aggregate(total=Sum("amount_cny"))["total"] or Decimal(0)


@write
def voucher_issue(
    *,
    acting_user,
    programme: Programme,
    firm: Organisation,
    amount_cny,
    issued_on=None,
    idempotency_key: str | None = None,
    is_demo=False,
) -> Voucher:
    """Issue a voucher to an eligible firm of the programme's province, within the budget left and the
    firm's cap for the year."""
    require(acting_user, VOUCHER, programme)
    request = {"programme": programme.pk, "firm": firm.pk, "amount": str(amount_cny), "on": issued_on}
    earlier = idempotency.claim(
        acting_user=acting_user, operation="innovation.voucher.issue", key=idempotency_key, request=request
    )
    if earlier is not None:
        return Voucher.objects.get(pk=earlier)
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    errors: dict = {}
    amount = check_amount(errors, "amount_cny", amount_cny)
    issued_on = issued_on or timezone.localdate()
    if firm.kind != Organisation.Kind.ENTERPRISE:
        errors["firm"] = [_("Vouchers go to enterprises.")]
    elif firm.jurisdiction.province.pk != locked.province_id:
        errors["firm"] = [_("%(firm)s is not registered in %(p)s.") % {"firm": firm.name, "p": locked.province.name}]
    if issued_on.year != locked.year:
        errors["issued_on"] = [_("The programme is for %d.") % locked.year]
    if not errors:
        left = locked.budget_cny - issued_total(locked)
        if amount > left:
            errors["amount_cny"] = [_("Only %s CNY of the programme's budget is left.") % f"{left:,.2f}"]
        firm_left = locked.firm_cap_cny - issued_total(locked, firm)
        if amount > firm_left:
            errors.setdefault("amount_cny", []).append(
                _("%(firm)s may receive %(left)s CNY more this year (cap %(cap)s CNY).")
                % {"firm": firm.name, "left": f"{firm_left:,.2f}", "cap": f"{locked.firm_cap_cny:,.2f}"}
            )
    raise_if(errors)
    voucher = Voucher.objects.create(
        number=f"tmp-{uuid.uuid4().hex[:18]}",
        programme=locked,
        firm=firm,
        amount_cny=amount,
        issued_on=issued_on,
        expires_on=issued_on + timedelta(days=locked.valid_days),
        issued_by=person(acting_user),
        is_demo=is_demo,
    )
    set_number(voucher, f"V{locked.province.code[:2]}{locked.year}")
    audit(acting_user, "innovation.voucher.issue", voucher, locked.province.code, firm=firm.pk, amount=str(amount))
    idempotency.fulfil(
        acting_user=acting_user, operation="innovation.voucher.issue", key=idempotency_key, result_id=voucher.pk
    )
    return voucher


@write
def voucher_redeem(
    *, acting_user, voucher: Voucher, booking: Booking, on=None, idempotency_key: str | None = None, is_demo=False
) -> Redemption:
    """Spend a voucher on the instrument time a completed booking used. The amount is the cost of the
    hours used, up to the voucher's face value."""
    require(acting_user, BOOK, voucher.holder_side())
    request = {"voucher": voucher.pk, "booking": booking.pk}
    earlier = idempotency.claim(
        acting_user=acting_user, operation="innovation.voucher.redeem", key=idempotency_key, request=request
    )
    if earlier is not None:
        return Redemption.objects.get(pk=earlier)
    locked = Voucher.objects.select_for_update(of=("self",)).select_related("programme__province").get(pk=voucher.pk)
    booking = (
        Booking.objects.select_for_update(of=("self",)).select_related("instrument__city__parent").get(pk=booking.pk)
    )
    on = on or timezone.localdate()
    usage = Usage.objects.filter(booking=booking).select_related("instrument").first()
    _check_redemption(locked, booking, usage, on)
    instrument = booking.instrument
    redemption = Redemption.objects.create(
        voucher=locked,
        booking=booking,
        provider=instrument.owner,
        issuing_province=locked.programme.province,
        provider_province=instrument.city.province,
        amount_cny=min(locked.amount_cny, usage.cost),
        redeemed_on=on,
        redeemed_by=person(acting_user),
        is_demo=is_demo,
    )
    audit(
        acting_user,
        "innovation.voucher.redeem",
        redemption,
        locked.programme.province.code,
        voucher=locked.number,
        booking=booking.number,
        amount=str(redemption.amount_cny),
        provider_province=instrument.city.province.code,
    )
    idempotency.fulfil(
        acting_user=acting_user, operation="innovation.voucher.redeem", key=idempotency_key, result_id=redemption.pk
    )
    return redemption


def _check_redemption(voucher: Voucher, booking: Booking, usage: Usage | None, on) -> None:
    errors: dict = {}
    if Redemption.objects.filter(voucher=voucher).exists():
        errors["voucher"] = [_("Voucher %s has already been redeemed.") % voucher.number]
    elif on > voucher.expires_on:
        errors["voucher"] = [_("Voucher %(n)s expired on %(d)s.") % {"n": voucher.number, "d": voucher.expires_on}]
    elif on < voucher.issued_on:
        errors["voucher"] = [_("Voucher %s was not issued yet on that day.") % voucher.number]
    if booking.firm_id != voucher.firm_id:
        errors["booking"] = [_("Booking %s is another firm's.") % booking.number]
    elif booking.state != Booking.State.APPROVED or usage is None:
        errors["booking"] = [
            _("Booking %s has no usage record: a voucher pays only for instrument time used.") % booking.number
        ]
    elif Redemption.objects.filter(booking=booking).exists():
        errors["booking"] = [_("Booking %s has already been paid with a voucher.") % booking.number]
    raise_if(errors)


@write
def relation_declare(*, acting_user, firm: Organisation, provider: Organisation, kind: str, is_demo=False) -> Relation:
    """Declare a tie between a firm and a provider; redemptions between them are flagged."""
    require(acting_user, VOUCHER, firm.jurisdiction)
    errors: dict = {}
    kind = check_text(errors, "kind", kind, 100)
    if firm.pk == provider.pk:
        errors["provider"] = [_("A firm and its provider must be two organisations.")]
    elif Relation.objects.filter(firm=firm, provider=provider).exists():
        errors["provider"] = [_("This tie is already declared.")]
    raise_if(errors)
    relation = Relation.objects.create(firm=firm, provider=provider, kind=kind, is_demo=is_demo)
    audit(acting_user, "innovation.relation.declare", relation, firm.jurisdiction.code, kind=kind)
    return relation
