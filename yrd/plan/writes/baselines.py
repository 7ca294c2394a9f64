"""Freezing the plan as a baseline."""

from django.utils import timezone

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.plan.actors import Actor
from yrd.plan.apps import BASELINE
from yrd.plan.models import Baseline, Plan
from yrd.plan.selectors import plan_snapshot

FREEZE_OPERATION = "plan.baseline.freeze"


@write
def baseline_freeze(*, acting_user: Actor, plan: Plan, name: str, idempotency_key: str | None = None) -> Baseline:
    """Freeze every task of the plan. The same form sent twice (one idempotency key) freezes once:
    the second answer is the first baseline, with `baseline.replayed` True."""
    require(acting_user, BASELINE, None)
    baseline = Baseline(plan=plan, name=name, taken_at=timezone.now(), taken_by=person(acting_user))
    baseline.full_clean(exclude=["snapshot"])
    key = {"acting_user": acting_user, "operation": FREEZE_OPERATION, "key": idempotency_key}
    earlier = idempotency.claim(**key, request={"plan": plan.pk, "name": name})
    if earlier is not None:
        baseline = Baseline.objects.get(pk=earlier)
        baseline.replayed = True
        return baseline
    baseline.snapshot = plan_snapshot(plan)
    baseline.save()
    audit_record(actor=acting_user, action="plan.baseline.freeze", obj=baseline, data={"tasks": len(baseline.snapshot)})
    idempotency.fulfil(**key, result_id=baseline.pk)
    baseline.replayed = False
    return baseline
