from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.core.actors import SYSTEM
from yrd.core.errors import Conflict
from yrd.innovation import writes
from yrd.innovation.models import Programme, Redemption, Voucher
from yrd.innovation.selectors.vouchers import anomalies, budget_left, settlement
from yrd.innovation.tests import factories as f


def test_a_province_issues_within_its_budget_and_the_firm_cap(world):
    programme = f.programme("320000", budget="10000", cap="6000")
    writes.voucher_issue(
        acting_user=world.js_officer, programme=programme, firm=world.js_firm, amount_cny=Decimal("5000")
    )
    with pytest.raises(ValidationError) as refused:
        writes.voucher_issue(
            acting_user=world.js_officer, programme=programme, firm=world.js_firm, amount_cny=Decimal("2000")
        )
    assert "1,000.00 CNY more" in refused.value.message_dict["amount_cny"][0]
    assert budget_left(programme) == Decimal("5000")


def test_a_voucher_over_the_budget_left_is_refused_and_nothing_written(world):
    programme = f.programme("320000", budget="3000", cap="3000")
    with pytest.raises(ValidationError) as refused:
        f.voucher(programme, world.js_firm, "3000.01")
    assert "3,000.00 CNY of the programme's budget" in refused.value.message_dict["amount_cny"][0]
    assert not Voucher.objects.exists()


def test_another_provinces_officer_cannot_issue(world):
    programme = f.programme("320000")
    with pytest.raises(PermissionDenied):
        writes.voucher_issue(acting_user=world.zj_officer, programme=programme, firm=world.js_firm, amount_cny=100)


def test_a_firm_of_another_province_gets_no_voucher(world):
    programme = f.programme("320000")
    with pytest.raises(ValidationError) as refused:
        f.voucher(programme, world.zj_firm)
    assert "not registered in" in refused.value.message_dict["firm"][0]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(min_value=1, max_value=9000), min_size=1, max_size=8))
def test_the_budget_never_goes_negative_whatever_is_asked(world, amounts):
    Voucher.objects.all().delete()
    Programme.objects.all().delete()  # hypothesis reuses the fixture's database between examples
    programme = f.programme("320000", budget="20000", cap="20000")
    issued = Decimal(0)
    for amount in amounts:
        try:
            f.voucher(programme, world.js_firm, str(amount))
            issued += amount
        except ValidationError:
            assert issued + amount > 20000  # refused only when it would overdraw
    assert budget_left(programme) == 20000 - issued >= 0


def test_a_firm_redeems_for_used_time_at_a_provider_in_another_province(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm, "5000")
    booking = f.used_booking(f.instrument(world.sh_lab, price="800"), world.js_firm, hours=2)
    redemption = writes.voucher_redeem(acting_user=world.js_firm_user, voucher=voucher, booking=booking)
    assert redemption.amount_cny == Decimal("1600.00")  # 2 h × 800, below the face value
    assert redemption.cross_province and redemption.provider_province.code == "310000"


def test_the_amount_is_capped_at_the_face_value(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm, "1000")
    booking = f.used_booking(f.instrument(world.sh_lab, price="800"), world.js_firm, hours=2)
    assert writes.voucher_redeem(acting_user=SYSTEM, voucher=voucher, booking=booking).amount_cny == Decimal("1000")


def test_redemption_without_usage_is_refused(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    booking = f.booking(f.instrument(world.sh_lab), world.js_firm)
    with pytest.raises(ValidationError) as refused:
        writes.voucher_redeem(acting_user=world.js_firm_user, voucher=voucher, booking=booking)
    assert "no usage record" in refused.value.message_dict["booking"][0]
    assert not Redemption.objects.exists()


def test_a_voucher_is_spent_only_once(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    sem = f.instrument(world.sh_lab)
    writes.voucher_redeem(acting_user=SYSTEM, voucher=voucher, booking=f.used_booking(sem, world.js_firm, days=-3))
    with pytest.raises(ValidationError) as refused:
        writes.voucher_redeem(acting_user=SYSTEM, voucher=voucher, booking=f.used_booking(sem, world.js_firm, days=-2))
    assert "already been redeemed" in refused.value.message_dict["voucher"][0]


def test_an_expired_voucher_is_refused(world):
    programme = f.programme("320000")
    voucher = f.voucher(programme, world.js_firm, issued_on=timezone.localdate().replace(month=1, day=1))
    booking = f.used_booking(f.instrument(world.sh_lab), world.js_firm)
    with pytest.raises(ValidationError) as refused:
        writes.voucher_redeem(
            acting_user=SYSTEM, voucher=voucher, booking=booking, on=voucher.expires_on + timedelta(days=1)
        )
    assert "expired on" in refused.value.message_dict["voucher"][0]


def test_a_retry_with_the_same_key_returns_the_first_redemption(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    booking = f.used_booking(f.instrument(world.sh_lab), world.js_firm)
    first = writes.voucher_redeem(
        acting_user=world.js_firm_user, voucher=voucher, booking=booking, idempotency_key="k1"
    )
    again = writes.voucher_redeem(
        acting_user=world.js_firm_user, voucher=voucher, booking=booking, idempotency_key="k1"
    )
    assert first.pk == again.pk and Redemption.objects.count() == 1
    other = f.voucher(
        f.programme("320000", year=timezone.localdate().year - 1),
        world.js_firm,
        issued_on=timezone.localdate().replace(year=timezone.localdate().year - 1),
    )
    with pytest.raises(Conflict):
        writes.voucher_redeem(acting_user=world.js_firm_user, voucher=other, booking=booking, idempotency_key="k1")


def test_another_firm_cannot_redeem_the_voucher(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    booking = f.used_booking(f.instrument(world.sh_lab), world.js_firm)
    with pytest.raises(PermissionDenied):
        writes.voucher_redeem(acting_user=world.zj_firm_user, voucher=voucher, booking=booking)


def test_the_quarterly_settlement_sums_exactly_to_the_redemptions(world):
    js, zj = f.programme("320000"), f.programme("330000")
    sem, hf = f.instrument(world.sh_lab, price="333.33"), f.instrument(world.hf_lab, price="123.45")
    made = []
    for days, (programme, firm, instrument) in enumerate(
        [(js, world.js_firm, sem), (js, world.js_firm, hf), (zj, world.zj_firm, sem), (js, world.js_firm, sem)], 1
    ):
        booking = f.used_booking(instrument, firm, days=-days, hours=3)
        made.append(
            writes.voucher_redeem(acting_user=SYSTEM, voucher=f.voucher(programme, firm, "900"), booking=booking)
        )
    today = timezone.localdate()
    lines = settlement(today.year, (today.month - 1) // 3 + 1)
    in_quarter = [r for r in made if (r.redeemed_on.month - 1) // 3 == (today.month - 1) // 3]
    assert sum(line.amount_cny for line in lines) == sum(r.amount_cny for r in in_quarter)
    pairs = {(line.debtor.code, line.creditor.code): line.redemptions for line in lines}
    assert pairs == {("320000", "310000"): 2, ("320000", "340000"): 1, ("330000", "310000"): 1}


def test_anomalies_are_flagged(world):
    sem = f.instrument(world.sh_lab)
    writes.usage_record(acting_user=SYSTEM, instrument=sem, firm=world.js_firm, hours=1, used_on=f.at(-1).date())
    f.booking(sem, world.zj_firm, days=-20)  # approved, never used
    writes.relation_declare(acting_user=world.js_officer, firm=world.js_firm, provider=world.sh_lab, kind="控股股东")
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    writes.voucher_redeem(acting_user=SYSTEM, voucher=voucher, booking=f.used_booking(sem, world.js_firm, days=-2))
    kinds = sorted(a.kind for a in anomalies())
    assert kinds == ["booking_never_used", "related_provider", "usage_without_booking"]
