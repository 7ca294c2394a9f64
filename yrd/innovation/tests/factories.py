"""Factories for the innovation module; other modules' tests may import them."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.models import Organisation
from yrd.core.tests.factories import EnterpriseFactory, OrganisationFactory, jurisdiction
from yrd.innovation import writes

_codes = iter(range(1, 10**6))


def lab(city="310000", name="上海光源测试中心"):
    return OrganisationFactory(
        name_zh=name, name_en=f"Lab {name}", kind=Organisation.Kind.RESEARCH, jurisdiction=jurisdiction(city, "city")
    )


def firm(city="320500"):
    return EnterpriseFactory(jurisdiction=jurisdiction(city, "city"))


def instrument(owner, *, price="500", windows=(), code=None):
    return writes.instrument_save(
        acting_user=SYSTEM,
        data=writes.InstrumentInput(
            code=code or f"INS-{next(_codes):04d}",
            name_zh="场发射扫描电镜",
            name_en="Field-emission SEM",
            category="microscopy",
            owner=owner,
            city=owner.jurisdiction,
            hourly_price=Decimal(price),
            windows=windows,
        ),
    )


def at(days: int, hour: int = 10) -> datetime:
    """A moment `days` from today at `hour`:00, local time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def booking(instrument, firm, *, days=-3, hours=2, approve=True):
    made = writes.booking_request(
        acting_user=SYSTEM,
        instrument=instrument,
        firm=firm,
        starts_at=at(days),
        ends_at=at(days) + timedelta(hours=hours),
        purpose="样品表征",
    )
    if approve:
        made = writes.booking_decide(acting_user=SYSTEM, booking=made, approve=True)
    return made


def used_booking(instrument, firm, *, days=-3, hours=2):
    made = booking(instrument, firm, days=days, hours=hours)
    writes.usage_record(
        acting_user=SYSTEM, instrument=instrument, booking=made, hours=hours, used_on=made.starts_at.date()
    )
    return made


def programme(province="320000", *, budget="100000", cap="20000", year=None):
    return writes.programme_open(
        acting_user=SYSTEM,
        province=jurisdiction(province),
        year=year or timezone.localdate().year,
        budget_cny=Decimal(budget),
        firm_cap_cny=Decimal(cap),
    )


def voucher(programme, firm, amount="5000", issued_on=None):
    return writes.voucher_issue(
        acting_user=SYSTEM, programme=programme, firm=firm, amount_cny=Decimal(amount), issued_on=issued_on
    )
