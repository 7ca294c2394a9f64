import pytest

from yrd.core.errors import Conflict
from yrd.services import writes
from yrd.services.models import Mode
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import submit


def started(world, parallel=False):
    application = submit(world, mode=Mode.JOINT, handling=[world.jiangsu, world.anhui], parallel=parallel)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    writes.application_accept(acting_user=world.js_officer, application=application)
    writes.application_start_handling(acting_user=world.js_officer, application=application)
    return application


def complete(officer, application, code, approved=True):
    return writes.step_complete(
        acting_user=officer,
        application=application,
        step=code,
        approved=approved,
        note="" if approved else "不符合迁入条件",
        document=f.pdf(f"{code}.pdf"),
    )


def test_steps_in_order_wait_for_the_earlier_one(world):
    application = started(world)
    with pytest.raises(Conflict) as caught:
        complete(world.ah_officer, application, "340000")
    assert caught.value.code == "step_waiting"


def test_the_application_is_decided_when_every_step_is(world):
    application = started(world)
    complete(world.js_officer, application, "320000")
    application.refresh_from_db()
    assert application.state == "in_handling"
    complete(world.ah_officer, application, "340000")
    application.refresh_from_db()
    assert application.state == "decided" and application.decision == "approved"
    kinds = [(e.kind, e.sender_province, e.receiver_province) for e in application.exchanges.all()]
    assert kinds == [("forward", "320000", "340000"), ("decision", "340000", "310000")]


def test_a_denied_step_denies_the_application_and_cancels_the_rest(world):
    application = started(world)
    complete(world.js_officer, application, "320000", approved=False)
    application.refresh_from_db()
    assert application.decision == "denied"
    assert application.steps.get(jurisdiction__code="340000").outcome == "cancelled"


def test_parallel_steps_may_finish_in_any_order(world):
    application = started(world, parallel=True)
    complete(world.ah_officer, application, "340000")
    complete(world.js_officer, application, "320000")
    application.refresh_from_db()
    assert application.state == "decided"


def test_each_officer_completes_only_their_own_jurisdictions_step(world):
    from django.core.exceptions import PermissionDenied

    application = started(world)
    with pytest.raises(PermissionDenied):
        complete(world.ah_officer, application, "320000")
