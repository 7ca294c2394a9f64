import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction
from yrd.innovation import writes
from yrd.innovation.models import Meeting


@pytest.fixture
def expo(world):
    expo = writes.exhibition_save(
        acting_user=SYSTEM,
        name_zh="进口博览会",
        name_en="Import expo",
        city=jurisdiction("310000", "city"),
        starts_on=date(2026, 11, 5),
        ends_on=date(2026, 11, 10),
    )
    for lab in (world.sh_lab, world.hf_lab):
        writes.participant_register(
            acting_user=SYSTEM, exhibition=expo, organisation=lab, role="exhibitor", is_demo=True
        )
    return expo


def slot(hour, minute=0, day=5):
    return timezone.make_aware(datetime.combine(date(2026, 11, day), time(hour, minute)))


def test_neither_side_is_booked_twice_in_a_slot(world, expo):
    writes.meeting_book(
        acting_user=SYSTEM, exhibition=expo, exhibitor=world.sh_lab, buyer=world.js_firm, starts_at=slot(9)
    )
    with pytest.raises(ValidationError) as exhibitor_busy:
        writes.meeting_book(
            acting_user=SYSTEM, exhibition=expo, exhibitor=world.sh_lab, buyer=world.zj_firm, starts_at=slot(9)
        )
    with pytest.raises(ValidationError) as buyer_busy:
        writes.meeting_book(
            acting_user=SYSTEM, exhibition=expo, exhibitor=world.hf_lab, buyer=world.js_firm, starts_at=slot(9)
        )
    assert "exhibitor" in exhibitor_busy.value.message_dict and "buyer" in buyer_busy.value.message_dict
    writes.meeting_book(
        acting_user=SYSTEM, exhibition=expo, exhibitor=world.sh_lab, buyer=world.zj_firm, starts_at=slot(9, 30)
    )
    assert Meeting.objects.count() == 2
    assert set(expo.participants.filter(role="buyer").values_list("organisation", flat=True)) == {
        world.js_firm.pk,
        world.zj_firm.pk,
    }


def test_a_meeting_with_an_organisation_not_exhibiting_is_refused(world, expo):
    with pytest.raises(ValidationError) as refused:
        writes.meeting_book(
            acting_user=SYSTEM, exhibition=expo, exhibitor=world.zj_firm, buyer=world.js_firm, starts_at=slot(9)
        )
    assert "not an exhibitor" in refused.value.message_dict["exhibitor"][0]
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("at", [slot(9, 10), slot(8, 30), slot(17), slot(10, day=11)])
def test_a_meeting_off_the_slot_grid_or_outside_the_days_is_refused(world, expo, at):
    with pytest.raises(ValidationError) as refused:
        writes.meeting_book(
            acting_user=SYSTEM, exhibition=expo, exhibitor=world.sh_lab, buyer=world.js_firm, starts_at=at
        )
    assert "30-minute grid" in refused.value.message_dict["starts_at"][0]


def test_a_buyer_books_by_api_only_for_its_own_firm(client, world, expo):
    body = {"exhibitor_id": world.sh_lab.pk, "buyer_uscc": world.js_firm.uscc, "starts_at": slot(10).isoformat()}
    client.force_login(world.zj_firm_user)
    assert (
        client.post(
            f"/api/innovation/exhibitions/{expo.pk}/meetings", json.dumps(body), content_type="application/json"
        ).status_code
        == 403
    )
    client.force_login(world.js_firm_user)
    assert (
        client.post(
            f"/api/innovation/exhibitions/{expo.pk}/meetings", json.dumps(body), content_type="application/json"
        ).status_code
        == 201
    )


def test_the_lead_reports_on_an_awarded_project(client, world):
    today = timezone.localdate()
    call = writes.call_open(
        acting_user=SYSTEM,
        data=writes.CallInput(
            code="JF-R",
            title_zh="基金",
            title_en="",
            topics="材料",
            budget_cny=Decimal("100000"),
            opens_on=today - timedelta(days=9),
            closes_on=today + timedelta(days=9),
            reviewers_per_proposal=1,
        ),
    )
    proposal = writes.proposal_submit(
        acting_user=world.js_firm_user,
        data=writes.ProposalInput(
            call=call, title="材料", abstract="摘要", keywords="材料", lead=world.js_firm, requested_cny=Decimal("1000")
        ),
    )
    writes.reviewer_enrol(acting_user=SYSTEM, user=world.manager, institution=world.hf_lab, fields="材料")
    [assignment] = writes.reviewers_assign(acting_user=SYSTEM, call=call)
    writes.review_submit(acting_user=SYSTEM, assignment=assignment, score=8, comment="好")
    writes.awards_decide(acting_user=SYSTEM, call=call)
    url = f"/api/innovation/proposals/{proposal.number}/reports"
    body = json.dumps({"period": "2026-H2", "summary": "进展顺利"})
    client.force_login(world.zj_firm_user)
    assert client.post(url, body, content_type="application/json").status_code == 404
    client.force_login(world.js_firm_user)
    assert client.post(url, body, content_type="application/json").status_code == 201
    assert client.post(url, body, content_type="application/json").status_code == 400  # same period twice


def test_a_meeting_time_without_a_zone_is_read_in_the_platforms_zone(world, expo):
    naive = datetime.combine(date(2026, 11, 6), time(14, 30))
    meeting = writes.meeting_book(
        acting_user=SYSTEM, exhibition=expo, exhibitor=world.sh_lab, buyer=world.js_firm, starts_at=naive
    )
    assert timezone.localtime(meeting.starts_at).time() == time(14, 30)
