from django.utils import timezone

from yrd.core.models import AuditEntry
from yrd.innovation import stats
from yrd.innovation.demo import load_demo
from yrd.innovation.models import Booking, Capability, Redemption, Usage, Voucher
from yrd.innovation.selectors.vouchers import anomalies


def test_the_demo_loads_marked_in_the_past_and_only_once(reference):
    logins = load_demo()
    assert {role for _u, role, _s in logins} >= {"instrument_provider", "innovation_firm", "fund_manager"}
    today = timezone.localdate()
    assert all(b.starts_at.date() < today for b in Booking.objects.all())
    assert all(v.issued_on <= today and v.is_demo for v in Voucher.objects.all())
    assert stats.vouchers_redeemed_cross_province() >= 4 and stats.joint_fund_projects() >= 1
    assert {a.kind for a in anomalies()} == {"usage_without_booking", "related_provider"}
    counts = (Booking.objects.count(), Usage.objects.count(), Redemption.objects.count(), Capability.objects.count())
    load_demo()
    assert counts == (
        Booking.objects.count(),
        Usage.objects.count(),
        Redemption.objects.count(),
        Capability.objects.count(),
    )
    assert AuditEntry.objects.filter(action="innovation.voucher.redeem", actor_label="system").count() == 8
