from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.errors import Conflict
from yrd.core.models import Organisation
from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person
from yrd.innovation import writes
from yrd.innovation.models import Award, Review
from yrd.innovation.selectors.fund import assignments_of, proposals_visible_to


def call(budget="1000000", k=2):
    today = timezone.localdate()
    return writes.call_open(
        acting_user=SYSTEM,
        data=writes.CallInput(
            code="JF-T1",
            title_zh="长三角基础研究联合基金",
            title_en="YRD joint fund",
            topics="量子,材料",
            budget_cny=Decimal(budget),
            opens_on=today - timedelta(days=30),
            closes_on=today + timedelta(days=1),
            reviewers_per_proposal=k,
        ),
    )


def institute(city):
    return OrganisationFactory(kind=Organisation.Kind.RESEARCH, jurisdiction=jurisdiction(city, "city"))


def proposal(the_call, lead, keywords="量子,材料", requested="400000", partners=()):
    return writes.proposal_submit(
        acting_user=SYSTEM,
        data=writes.ProposalInput(
            call=the_call,
            title="拓扑量子材料",
            abstract="研究拓扑量子材料的输运性质。",
            keywords=keywords,
            lead=lead,
            requested_cny=Decimal(requested),
            partners=partners,
        ),
    )


def reviewer(city, fields="量子,材料", conflicts=()):
    user = person("fund_reviewer", "YRD")
    return writes.reviewer_enrol(
        acting_user=SYSTEM, user=user, institution=institute(city), fields=fields, max_load=3, conflicts=conflicts
    )


@pytest.fixture
def fund(reference):
    the_call = call()
    sh, js = institute("310000"), institute("320100")
    proposals = [proposal(the_call, sh, requested="600000"), proposal(the_call, js, requested="500000")]
    reviewers = [reviewer("310000"), reviewer("330100"), reviewer("340100", fields="生物")]
    return the_call, proposals, reviewers, sh, js


def test_each_proposal_gets_k_reviewers_one_from_another_province(fund):
    the_call, proposals, reviewers, *_ = fund
    rows = writes.reviewers_assign(acting_user=SYSTEM, call=the_call)
    assert len(rows) == 4
    for p in proposals:
        mine = [a.reviewer for a in rows if a.proposal_id == p.pk]
        assert len(mine) == 2 and any(r.province.pk != p.province.pk for r in mine)


def test_a_reviewer_from_the_lead_institution_is_never_assigned(fund):
    the_call, proposals, reviewers, sh, js = fund
    colleague = writes.reviewer_enrol(
        acting_user=SYSTEM, user=person("fund_reviewer", "YRD"), institution=sh, fields="量子,材料", max_load=5
    )
    rows = writes.reviewers_assign(acting_user=SYSTEM, call=the_call)
    assert not any(a.reviewer_id == colleague.pk and a.proposal.lead_id == sh.pk for a in rows)


def test_an_impossible_assignment_is_refused_with_its_reason(reference):
    the_call = call(k=2)
    proposal(the_call, institute("310000"))
    reviewer("310000")
    with pytest.raises(ValidationError) as refused:
        writes.reviewers_assign(acting_user=SYSTEM, call=the_call)
    assert "No assignment is possible" in refused.value.messages[0]


def test_a_reviewer_sees_only_assigned_proposals_and_scores_in_range(fund):
    the_call, proposals, reviewers, *_ = fund
    writes.reviewers_assign(acting_user=SYSTEM, call=the_call)
    first = reviewers[0]
    mine = assignments_of(first.user)
    assert {a.proposal_id for a in mine} == set(proposals_visible_to(first.user).values_list("pk", flat=True))
    assignment = mine.first()
    with pytest.raises(ValidationError) as refused:
        writes.review_submit(acting_user=first.user, assignment=assignment, score=11, comment="很好")
    assert "1 to 10" in refused.value.message_dict["score"][0]
    assert not Review.objects.exists()


def test_a_reviewer_cannot_review_another_reviewers_assignment(fund):
    the_call, proposals, reviewers, *_ = fund
    writes.reviewers_assign(acting_user=SYSTEM, call=the_call)
    theirs = assignments_of(reviewers[1].user).first()
    with pytest.raises(PermissionDenied):
        writes.review_submit(acting_user=reviewers[0].user, assignment=theirs, score=7, comment="可以")


def test_awards_follow_the_ranking_within_the_budget(fund):
    the_call, proposals, reviewers, *_ = fund
    rows = writes.reviewers_assign(acting_user=SYSTEM, call=the_call)
    scores = {proposals[0].pk: 6, proposals[1].pk: 9}
    for a in rows:
        writes.review_submit(acting_user=a.reviewer.user, assignment=a, score=scores[a.proposal_id], comment="意见")
    awards = writes.awards_decide(acting_user=SYSTEM, call=the_call)
    # 500,000 for the better one; the 600,000 of the other does not fit the 500,000 left
    assert [(a.proposal_id, a.rank) for a in awards] == [(proposals[1].pk, 1)]
    with pytest.raises(ValidationError):
        writes.awards_decide(acting_user=SYSTEM, call=the_call)
    assert Award.objects.count() == 1


def test_awards_wait_for_every_review(fund):
    the_call, *_ = fund
    writes.reviewers_assign(acting_user=SYSTEM, call=the_call)
    with pytest.raises(ValidationError) as refused:
        writes.awards_decide(acting_user=SYSTEM, call=the_call)
    assert "Reviews are missing" in refused.value.message_dict["reviews"][0]


def test_the_assignment_is_final_once_reviews_are_written(fund):
    the_call, *_ = fund
    first = writes.reviewers_assign(acting_user=SYSTEM, call=the_call)[0]
    writes.review_submit(acting_user=first.reviewer.user, assignment=first, score=5, comment="一般")
    with pytest.raises(Conflict):
        writes.reviewers_assign(acting_user=SYSTEM, call=the_call)


def test_an_applicant_sees_its_own_proposals_only(fund):
    the_call, proposals, reviewers, sh, js = fund
    applicant = person("innovation_firm", "310000", organisation=sh)
    assert list(proposals_visible_to(applicant)) == [proposals[0]]
