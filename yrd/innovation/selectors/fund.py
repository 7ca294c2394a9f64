"""Joint-fund reads: managers see every proposal; applicants their own organisation's; reviewers only
the proposals assigned to them. Reviewers' names reach managers only."""

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from yrd.core.access import can, filter_visible, grants
from yrd.core.models import Organisation
from yrd.innovation.apps import APPLY, FUND, REVIEW
from yrd.innovation.models import Assignment, Call, Proposal


def calls() -> QuerySet[Call]:
    return Call.objects.all()


def proposals_visible_to(user) -> QuerySet[Proposal]:
    if can(user, FUND):
        return Proposal.objects.select_related("call", "lead")
    own = filter_visible(
        Proposal.objects.all(), user, APPLY, jurisdiction_fields=["lead__jurisdiction"], organisation_field="lead"
    )
    assigned = Proposal.objects.none()
    if can(user, REVIEW) and getattr(user, "pk", None):
        assigned = Proposal.objects.filter(assignments__reviewer__user=user)
    rows = Proposal.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=assigned.values("pk")))
    return rows.select_related("call", "lead")


def assignments_of(user) -> QuerySet[Assignment]:
    """The reviewer's own assignments."""
    if not can(user, REVIEW) or not getattr(user, "pk", None):
        return Assignment.objects.none()
    return Assignment.objects.filter(reviewer__user=user).select_related("proposal__call", "review")


def may_see_reviewers(user) -> bool:
    return can(user, FUND)


def ranking(call: Call) -> list[Proposal]:
    """Proposals by mean score, highest first; ties by fewer CNY requested, then by number."""
    rows = call.proposals.annotate(
        mean=Avg("assignments__review__score"), reviews=Count("assignments__review")
    ).select_related("lead")
    return sorted(rows, key=lambda p: (-(p.mean or 0), p.requested_cny, p.number))


def own_proposals(user) -> QuerySet[Proposal]:
    """Proposals of the applicant's organisations (reviewers' assignments not included)."""
    return filter_visible(
        Proposal.objects.all(), user, APPLY, jurisdiction_fields=["lead__jurisdiction"], organisation_field="lead"
    )


def mean_score(proposal: Proposal) -> float | None:
    return proposal.assignments.aggregate(mean=Avg("review__score"))["mean"]


def open_calls() -> QuerySet[Call]:
    today = timezone.localdate()
    return Call.objects.filter(opens_on__lte=today, closes_on__gte=today, awarded_at__isnull=True)


def applicant_organisations(user) -> QuerySet[Organisation]:
    """The organisations the user applies for (their APPLY grants name the organisation)."""
    ids = [g.organisation_id for g in grants(user) if APPLY in g.actions and g.organisation_id]
    return Organisation.objects.filter(pk__in=ids)
