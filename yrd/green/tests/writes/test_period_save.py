from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.green import writes
from yrd.green.models import ReportingPeriod

from .. import factories as f

pytestmark = pytest.mark.django_db


def test_a_reporter_saves_their_own_sites_period_and_it_is_audited(world):
    period = writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    assert period.activities.count() == 2 and period.state == ReportingPeriod.State.DRAFT
    assert AuditEntry.objects.filter(action="green.period.save", object_id=str(period.pk)).exists()


def test_a_reporter_cannot_enter_data_for_another_factory_in_the_same_park(world):
    with pytest.raises(PermissionDenied):
        writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory_2, data=f.period_input())


def test_a_reviewer_cannot_enter_a_sites_data(world):
    with pytest.raises(PermissionDenied):
        writes.period_save(acting_user=world.sz_city, site=world.sz_factory, data=f.period_input())


def test_negative_and_mismatched_entries_are_refused_and_nothing_is_written(world):
    data = writes.PeriodInput(
        2024, None, [writes.Entry("grid_electricity", Decimal(-5), "MWh"), writes.Entry("natural_gas", Decimal(3), "t")]
    )
    with pytest.raises(ValidationError) as raised:
        writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=data)
    assert raised.value.message_dict["activities[0].quantity"] == ["A quantity cannot be negative (got -5)."]
    assert "natural_gas" in raised.value.message_dict["activities[1].unit"][0]
    assert not ReportingPeriod.objects.filter(site=world.sz_factory).exists()


def test_an_absurd_amount_is_refused(world):
    data = writes.PeriodInput(2024, None, [writes.Entry("grid_electricity", Decimal("5e12"), "kWh")])
    with pytest.raises(ValidationError) as raised:
        writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=data)
    assert "implausibly large" in raised.value.message_dict["activities[0].quantity"][0]


def test_a_submitted_period_cannot_be_changed(world):
    period = writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    writes.period_submit(acting_user=world.sz_reporter, period=period)
    with pytest.raises(Conflict) as raised:
        writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input(grid="2000"))
    assert "can no longer be changed" in raised.value.message
    assert period.activities.get(kind="grid_electricity").quantity == Decimal(1000)


def test_monthly_periods_are_separate_from_the_year(world):
    writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input(month=3))
    writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    assert ReportingPeriod.objects.filter(site=world.sz_factory).count() == 2
