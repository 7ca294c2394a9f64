"""The joint fund: a call, proposals from teams in any province, reviewer assignment (min-cost flow,
see `assignment`), reviews with scores, ranking and awards within budget, project reports."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import SYSTEM, person, write
from yrd.core.errors import Conflict
from yrd.core.models import Organisation, User
from yrd.innovation import assignment as engine
from yrd.innovation.apps import APPLY, FUND, REVIEW
from yrd.innovation.models import Assignment, Award, Call, ProjectReport, Proposal, Review, Reviewer
from yrd.innovation.selectors.fund import ranking

from .common import audit, check_amount, check_text, raise_if, set_number


@dataclass(frozen=True)
class CallInput:
    code: str
    title_zh: str
    title_en: str
    topics: str
    budget_cny: Decimal
    opens_on: date
    closes_on: date
    reviewers_per_proposal: int = 3
    is_demo: bool = False


@write
def call_open(*, acting_user, data: CallInput) -> Call:
    require(acting_user, FUND)
    errors: dict = {}
    code = check_text(errors, "code", data.code, 24)
    title_zh = check_text(errors, "title_zh", data.title_zh, 200)
    title_en = check_text(errors, "title_en", data.title_en, 200, required=False)
    topics = check_text(errors, "topics", data.topics, 500)
    budget = check_amount(errors, "budget_cny", data.budget_cny)
    if not data.opens_on < data.closes_on:
        errors["closes_on"] = [_("The call must close after it opens.")]
    if not isinstance(data.reviewers_per_proposal, int) or not 1 <= data.reviewers_per_proposal <= 7:
        errors["reviewers_per_proposal"] = [_("Between 1 and 7 reviewers per proposal.")]
    if code and Call.objects.filter(code=code).exists():
        errors["code"] = [_("Call %s exists already.") % code]
    raise_if(errors)
    call = Call.objects.create(
        code=code,
        title_zh=title_zh,
        title_en=title_en,
        topics=topics,
        budget_cny=budget,
        opens_on=data.opens_on,
        closes_on=data.closes_on,
        reviewers_per_proposal=data.reviewers_per_proposal,
        is_demo=data.is_demo,
    )
    audit(acting_user, "innovation.call.open", call, code=code, budget=str(budget))
    return call


@dataclass(frozen=True)
class ProposalInput:
    call: Call
    title: str
    abstract: str
    keywords: str
    lead: Organisation
    requested_cny: Decimal
    partners: tuple[Organisation, ...] = ()
    is_demo: bool = False


@write
def proposal_submit(*, acting_user, data: ProposalInput, on: date | None = None, idempotency_key=None) -> Proposal:
    require(acting_user, APPLY, data.lead)
    request = {
        "call": data.call.pk,
        "title": data.title,
        "lead": data.lead.pk,
        "requested": str(data.requested_cny),
        "partners": sorted(p.pk for p in data.partners),
    }
    earlier = idempotency.claim(
        acting_user=acting_user, operation="innovation.proposal.submit", key=idempotency_key, request=request
    )
    if earlier is not None:
        return Proposal.objects.get(pk=earlier)
    errors: dict = {}
    title = check_text(errors, "title", data.title, 200)
    abstract = check_text(errors, "abstract", data.abstract, 3000)
    keywords = check_text(errors, "keywords", data.keywords, 300)
    requested = check_amount(errors, "requested_cny", data.requested_cny)
    on = on or timezone.localdate()
    if not data.call.opens_on <= on <= data.call.closes_on:
        errors["call"] = [
            _("Call %(c)s takes proposals from %(a)s to %(b)s.")
            % {"c": data.call.code, "a": data.call.opens_on, "b": data.call.closes_on}
        ]
    if "requested_cny" not in errors and requested > data.call.budget_cny:
        errors["requested_cny"] = [_("More than the call's whole budget.")]
    if any(p.pk == data.lead.pk for p in data.partners):
        errors["partners"] = [_("The lead is not its own co-applicant.")]
    raise_if(errors)
    proposal = Proposal.objects.create(
        call=data.call,
        title=title,
        abstract=abstract,
        keywords=keywords,
        lead=data.lead,
        requested_cny=requested,
        submitted_by=person(acting_user),
        submitted_at=timezone.now(),
        is_demo=data.is_demo,
    )
    proposal.partners.set(data.partners)
    set_number(proposal, data.call.code)
    audit(acting_user, "innovation.proposal.submit", proposal, data.lead.jurisdiction.code, call=data.call.code)
    idempotency.fulfil(
        acting_user=acting_user, operation="innovation.proposal.submit", key=idempotency_key, result_id=proposal.pk
    )
    return proposal


@write
def reviewer_enrol(
    *,
    acting_user,
    user: User,
    institution: Organisation,
    fields: str,
    max_load: int = 6,
    conflicts: tuple[Organisation, ...] = (),
    is_demo: bool = False,
) -> Reviewer:
    require(acting_user, FUND)
    errors: dict = {}
    fields = check_text(errors, "fields", fields, 300)
    if not isinstance(max_load, int) or not 1 <= max_load <= 50:
        errors["max_load"] = [_("A reviewer takes 1 to 50 proposals per call.")]
    if Reviewer.objects.filter(user=user).exists():
        errors["user"] = [_("%s is already a reviewer.") % user]
    raise_if(errors)
    reviewer = Reviewer.objects.create(
        user=user, institution=institution, fields=fields, max_load=max_load, is_demo=is_demo
    )
    reviewer.conflicts.set(conflicts)
    audit(acting_user, "innovation.reviewer.enrol", reviewer, institution.jurisdiction.code)
    return reviewer


def papers_and_referees(call: Call) -> tuple[list[engine.Paper], list[engine.Referee]]:
    proposals = call.proposals.select_related("lead__jurisdiction__parent").prefetch_related("partners")
    papers = [
        engine.Paper(p.pk, p.province.code, frozenset([p.lead_id, *(o.pk for o in p.partners.all())]))
        for p in proposals
    ]
    reviewers = Reviewer.objects.select_related("institution__jurisdiction__parent").prefetch_related("conflicts")
    referees = [
        engine.Referee(r.pk, r.province.code, r.institution_id, r.max_load, frozenset(o.pk for o in r.conflicts.all()))
        for r in reviewers
    ]
    return papers, referees


def fit_function(call: Call):
    words = {p.pk: engine.keywords(p.keywords) for p in call.proposals.all()}
    fields = {r.pk: engine.keywords(r.fields) for r in Reviewer.objects.all()}
    return lambda paper, referee: engine.keyword_fit(words[paper.key], fields[referee.key])


@write
def reviewers_assign(*, acting_user, call: Call) -> list[Assignment]:
    """Assign k reviewers to every proposal of a closed call (see `assignment`). Refused once a review
    has been written; otherwise replaces the earlier assignment."""
    require(acting_user, FUND)
    call = Call.objects.select_for_update().get(pk=call.pk)
    if Review.objects.filter(assignment__proposal__call=call).exists():
        raise Conflict(_("Reviews have been written for %s; the assignment is final.") % call.code, code="reviewed")
    papers, referees = papers_and_referees(call)
    fit = fit_function(call)
    try:
        chosen = engine.assign(papers, referees, fit, call.reviewers_per_proposal)
    except engine.Infeasible as error:
        raise_if({"reviewers": [_("No assignment is possible: %s.") % error.reason]})
    by_paper = {p.key: p for p in papers}
    by_referee = {r.key: r for r in referees}
    Assignment.objects.filter(proposal__call=call).delete()
    rows = Assignment.objects.bulk_create(
        [
            Assignment(proposal_id=p, reviewer_id=r, fit=fit(by_paper[p], by_referee[r]))
            for p, rs in chosen.items()
            for r in rs
        ]
    )
    audit(acting_user, "innovation.reviewers.assign", call, pairs=[(a.proposal_id, a.reviewer_id) for a in rows])
    return rows


@write
def review_submit(*, acting_user, assignment: Assignment, score: int, comment: str) -> Review:
    require(acting_user, REVIEW)
    if acting_user is not SYSTEM and assignment.reviewer.user_id != acting_user.pk:
        raise PermissionDenied(_("This proposal is not assigned to you."))
    errors: dict = {}
    comment = check_text(errors, "comment", comment, 3000)
    if not isinstance(score, int) or isinstance(score, bool) or score not in Review.SCORES:
        errors["score"] = [_("A score is a whole number from 1 to 10.")]
    if Review.objects.filter(assignment=assignment).exists():
        errors["assignment"] = [_("You have already reviewed this proposal.")]
    if assignment.proposal.call.awarded_at:
        errors["assignment"] = [_("The call has been awarded.")]
    raise_if(errors)
    review = Review.objects.create(assignment=assignment, score=score, comment=comment, submitted_at=timezone.now())
    audit(acting_user, "innovation.review.submit", review, proposal=assignment.proposal.number, score=score)
    return review


@write
def awards_decide(*, acting_user, call: Call) -> list[Award]:
    """Fund proposals in rank order while the budget lasts (a proposal that does not fit is passed
    over, the next one may still fit). Every proposal needs all its reviews first."""
    require(acting_user, FUND)
    call = Call.objects.select_for_update().get(pk=call.pk)
    ranked = ranking(call)
    errors: dict = {}
    if call.awarded_at:
        errors["call"] = [_("Call %s has already been awarded.") % call.code]
    missing = [p.number for p in ranked if p.reviews < call.reviewers_per_proposal]
    if missing:
        errors["reviews"] = [_("Reviews are missing for: %s.") % ", ".join(missing)]
    raise_if(errors)
    left, awards, now = call.budget_cny, [], timezone.now()
    for rank, proposal in enumerate(ranked, 1):
        if proposal.requested_cny <= left:
            awards.append(
                Award.objects.create(proposal=proposal, amount_cny=proposal.requested_cny, rank=rank, awarded_at=now)
            )
            left -= proposal.requested_cny
    call.awarded_at = now
    call.save(update_fields=["awarded_at"])
    audit(acting_user, "innovation.awards.decide", call, awarded=[a.proposal.number for a in awards], left=str(left))
    return awards


@write
def report_submit(*, acting_user, award: Award, period: str, summary: str) -> ProjectReport:
    require(acting_user, APPLY, award.proposal.lead)
    errors: dict = {}
    period = check_text(errors, "period", period, 20)
    summary = check_text(errors, "summary", summary, 3000)
    if period and ProjectReport.objects.filter(award=award, period=period).exists():
        errors["period"] = [_("A report for %s exists already.") % period]
    raise_if(errors)
    report = ProjectReport.objects.create(award=award, period=period, summary=summary, submitted_at=timezone.now())
    audit(acting_user, "innovation.report.submit", report, award.proposal.lead.jurisdiction.code, period=period)
    return report
