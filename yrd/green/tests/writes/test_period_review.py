from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from yrd.core.actors import SYSTEM
from yrd.core.errors import Conflict
from yrd.green import writes
from yrd.green.accounts import account_of
from yrd.green.models import EmissionFactor, ReportingPeriod

from .. import factories as f

pytestmark = pytest.mark.django_db


def submitted(world, site=None, reporter=None):
    site, reporter = site or world.sz_factory, reporter or world.sz_reporter
    period = writes.period_save(acting_user=reporter, site=site, data=f.period_input())
    return writes.period_submit(acting_user=reporter, period=period)


def test_the_park_reviews_its_members_and_the_account_is_stored_with_its_factors(world):
    period = writes.period_review(acting_user=world.sz_park_reviewer, period=submitted(world), note="ok")
    assert period.state == ReportingPeriod.State.REVIEWED
    assert period.factor_set["grid_location"]["id"] == "grid-2022-320000"
    # 1000 MWh × 0.5856 (market, national excluding market-traded non-fossil) + 10 × 389.31 × 15.3/1000 × 0.99 × 44/12
    assert Decimal(period.result["total"]).quantize(Decimal("0.001")) == Decimal("801.819")


def test_a_later_factor_never_rewrites_a_reviewed_year(world):
    period = writes.period_review(acting_user=world.sz_city, period=submitted(world))
    before = account_of(period).total
    newer = EmissionFactor.objects.get(code="grid-2022-residual")
    writes.factor_add(
        acting_user=SYSTEM,
        publication=newer.publication,
        code="grid-2024-residual-test",
        quantity=newer.quantity,
        region="national",
        data_year=2024,
        value=Decimal("0.1"),
        unit="tCO2/MWh",
        table="test",
    )
    period.refresh_from_db()
    assert account_of(period).total == before
    assert Decimal(period.result["total"]) == before


def test_an_open_period_uses_the_newest_factor(world):
    period = writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    newer = EmissionFactor.objects.get(code="grid-2022-residual")
    writes.factor_add(
        acting_user=SYSTEM,
        publication=newer.publication,
        code="grid-2024-residual-test",
        quantity=newer.quantity,
        region="national",
        data_year=2024,
        value=Decimal("0.1"),
        unit="tCO2/MWh",
        table="test",
    )
    assert account_of(period).factors.grid_residual.id == "grid-2024-residual-test"


def test_another_parks_reviewer_and_the_sites_own_people_cannot_review(world):
    period = submitted(world)
    for who in (world.ningbo_park_reviewer, world.ningbo_city, world.sz_reporter):
        with pytest.raises(PermissionDenied):
            writes.period_review(acting_user=who, period=period)


def test_a_park_does_not_review_its_own_data(world):
    period = submitted(world, site=world.sz_park, reporter=world.park_reporter)
    with pytest.raises(PermissionDenied):
        writes.period_review(acting_user=world.sz_park_reviewer, period=period)
    assert writes.period_review(acting_user=world.sz_city, period=period).state == "reviewed"


def test_a_year_already_reviewed_is_not_reviewed_or_returned_again(world):
    period = writes.period_review(acting_user=world.sz_city, period=submitted(world))
    with pytest.raises(Conflict):
        writes.period_review(acting_user=world.sz_city, period=period)
    with pytest.raises(Conflict):
        writes.period_return(acting_user=world.sz_city, period=period, note="again")


def test_a_returned_period_can_be_corrected_and_submitted_again(world):
    period = writes.period_return(acting_user=world.sz_city, period=submitted(world), note="Heat is missing.")
    assert period.state == "returned"
    writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input(grid="1100"))
    assert writes.period_submit(acting_user=world.sz_reporter, period=period).state == "submitted"


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_at_once_review_a_period_once(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL")
    import threading

    period = submitted(world)
    outcomes = []

    def review(who):
        try:
            writes.period_review(acting_user=who, period=period)
            outcomes.append("reviewed")
        except Conflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=review, args=(who,)) for who in (world.sz_city, world.sz_park_reviewer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "reviewed"]
