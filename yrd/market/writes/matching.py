"""A reviewer's verdict on two reports the model was unsure about. Stored once per pair; every later run, with
the model retrained or not, keeps to it (the clustering applies splits before anything else, merges next)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import Scope, require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.jobs import run_after_commit
from yrd.market.apps import REVIEW
from yrd.market.models import MatchDecision, Report, ReviewPair
from yrd.market.tasks import consolidate_new_reports


@write
def match_decide(*, acting_user, report_a: Report, report_b: Report, kind: str, note: str = "") -> MatchDecision:
    a, b = sorted((report_a, report_b), key=lambda r: r.pk)
    require(acting_user, REVIEW, Scope(tuple(a.access_scope()[0]) + tuple(b.access_scope()[0])))
    errors = {}
    if a.pk == b.pk:
        errors["report_b"] = [_("Choose two different reports.")]
    if kind not in MatchDecision.Kind.values:
        errors["kind"] = [_("Say whether they are the same enterprise or not.")]
    if len(note) > 500:
        errors["note"] = [_("At most 500 characters.")]
    if errors:
        raise ValidationError(errors)
    decision, _created = MatchDecision.objects.update_or_create(
        report_a=a,
        report_b=b,
        defaults={"kind": kind, "decided_by": person(acting_user), "decided_at": timezone.now(), "note": note},
    )
    ReviewPair.objects.filter(report_a=a, report_b=b).delete()
    audit_record(
        actor=acting_user,
        action="market.match.decide",
        obj=decision,
        jurisdiction=a.incident_city.code,
        data={"report_a": a.receipt, "report_b": b.receipt, "kind": kind},
    )
    run_after_commit(consolidate_new_reports)
    return decision
