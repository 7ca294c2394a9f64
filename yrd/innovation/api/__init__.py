"""The innovation API, mounted at /api/innovation/: shared instruments, bookings and usage, vouchers
and their redemption, the quarterly settlement, joint-fund proposals, and matchmaking. Errors follow
the platform's shape {code, message, errors?}: 400 bad input (each field named), 403 not allowed, 404
not visible to the caller, 409 a retried key with another body. Creates a client may retry take an
`Idempotency-Key` header: the same key and body return the first result (200 instead of 201)."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Header, Router
from ninja.decorators import decorate_view
from ninja.responses import Status

from yrd.core.caching import public_cache
from yrd.core.models import Organisation
from yrd.core.schemas import ApiError
from yrd.innovation import writes
from yrd.innovation.models import Award, Call, CooperationProject, Exhibition, Instrument, Milestone, Voucher
from yrd.innovation.selectors import fund as fund_selectors
from yrd.innovation.selectors import instruments as instrument_selectors
from yrd.innovation.selectors import matching as match_selectors
from yrd.innovation.selectors import registry as registry_selectors
from yrd.innovation.selectors import vouchers as voucher_selectors

from .schemas import (
    CooperationOut,
    DecisionIn,
    DoneIn,
    ExhibitionOut,
    InnovationBookingIn,
    InnovationBookingOut,
    InnovationCancelIn,
    InnovationReportOut,
    InnovationStageIn,
    InstrumentOut,
    MatchOut,
    MeetingIn,
    MeetingOut,
    ParticipantIn,
    ParticipantOut,
    ProposalIn,
    ProposalOut,
    RedeemIn,
    RedemptionOut,
    ReportIn,
    SettlementLineOut,
    UsageIn,
    UsageOut,
    VoucherIn,
    VoucherOut,
)

router = Router(tags=["innovation"])
ERRORS = {400: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}
KEY = Header(None, alias="Idempotency-Key", max_length=80)
RETRY = (
    "Send an `Idempotency-Key` header: a retry with the same key and body returns the first result (200); "
    "the same key with another body is refused (409)."
)


def _created(obj_time: datetime, started: datetime) -> int:
    return 200 if obj_time < started else 201


def instrument_out(i: Instrument) -> dict:
    return {
        "code": i.code,
        "name_zh": i.name_zh,
        "name_en": i.name_en,
        "category": i.category,
        "owner": i.owner.name,
        "city": i.city.code,
        "province": i.province.code,
        "hourly_price": i.hourly_price,
        "conditions": i.conditions,
    }


def booking_out(b) -> dict:
    return {
        "number": b.number,
        "instrument": b.instrument.code,
        "firm": b.firm.name,
        "starts_at": b.starts_at,
        "ends_at": b.ends_at,
        "state": b.state,
    }


def voucher_out(v) -> dict:
    return {
        "number": v.number,
        "issuing_province": v.programme.province.code,
        "firm": v.firm.name,
        "amount_cny": v.amount_cny,
        "issued_on": v.issued_on,
        "expires_on": v.expires_on,
        "redeemed": hasattr(v, "redemption"),
    }


def redemption_out(r) -> dict:
    return {
        "voucher": r.voucher.number,
        "booking": r.booking.number,
        "amount_cny": r.amount_cny,
        "issuing_province": r.issuing_province.code,
        "provider_province": r.provider_province.code,
        "redeemed_on": r.redeemed_on,
    }


@router.get("/instruments", response=list[InstrumentOut], auth=None, summary="Shared instruments (public)")
@decorate_view(public_cache)
def instruments(request, category: str = "", province: str = ""):
    return [
        instrument_out(i) for i in instrument_selectors.public_instruments(category=category, province=province)[:500]
    ]


@router.get("/bookings", response=list[InnovationBookingOut], summary="Bookings of the caller's firm or instruments")
def bookings(request):
    return [booking_out(b) for b in instrument_selectors.bookings_visible_to(request.user)[:500]]


@router.post("/bookings", response={200: InnovationBookingOut, 201: InnovationBookingOut, **ERRORS}, description=RETRY)
def booking_request(request, payload: InnovationBookingIn, idempotency_key: str | None = KEY):
    instrument = get_object_or_404(Instrument, code=payload.instrument)
    firm = get_object_or_404(Organisation, uscc=payload.firm_uscc)
    started = timezone.now()
    booking = writes.booking_request(
        acting_user=request.user,
        instrument=instrument,
        firm=firm,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        purpose=payload.purpose,
        idempotency_key=idempotency_key or None,
    )
    return Status(_created(booking.requested_at, started), booking_out(booking))


@router.post("/bookings/{number}/decide", response={200: InnovationBookingOut, **ERRORS})
def booking_decide(request, number: str, payload: DecisionIn):
    booking = instrument_selectors.booking_for(request.user, number)
    decided = writes.booking_decide(
        acting_user=request.user, booking=booking, approve=payload.approve, note=payload.note
    )
    return booking_out(decided)


@router.post("/bookings/{number}/usage", response={201: UsageOut, **ERRORS})
def usage_record(request, number: str, payload: UsageIn):
    booking = instrument_selectors.booking_for(request.user, number)
    usage = writes.usage_record(
        acting_user=request.user,
        instrument=booking.instrument,
        booking=booking,
        hours=payload.hours,
        used_on=payload.used_on,
        note=payload.note,
    )
    body = {
        "booking": number,
        "instrument": usage.instrument.code,
        "hours": usage.hours,
        "used_on": usage.used_on,
        "cost_cny": usage.cost,
    }
    return Status(201, body)


@router.get("/vouchers", response=list[VoucherOut], summary="The caller's firm's vouchers, or its province's")
def vouchers(request):
    return [voucher_out(v) for v in voucher_selectors.vouchers_visible_to(request.user)[:500]]


@router.post(
    "/programmes/{province}/{year}/vouchers", response={200: VoucherOut, 201: VoucherOut, **ERRORS}, description=RETRY
)
def voucher_issue(request, province: str, year: int, payload: VoucherIn, idempotency_key: str | None = KEY):
    """A province's officer issues a voucher to one of its firms, within the budget and the firm's cap."""
    programmes = voucher_selectors.programmes_visible_to(request.user)
    programme = get_object_or_404(programmes, province__code=province, year=year)
    firm = get_object_or_404(Organisation, uscc=payload.firm_uscc)
    before = Voucher.objects.count()
    voucher = writes.voucher_issue(
        acting_user=request.user,
        programme=programme,
        firm=firm,
        amount_cny=payload.amount_cny,
        idempotency_key=idempotency_key or None,
    )
    return Status(201 if Voucher.objects.count() > before else 200, voucher_out(voucher))


@router.post(
    "/vouchers/{number}/redeem", response={200: RedemptionOut, 201: RedemptionOut, **ERRORS}, description=RETRY
)
def voucher_redeem(request, number: str, payload: RedeemIn, idempotency_key: str | None = KEY):
    voucher = voucher_selectors.vouchers_visible_to(request.user).get(number=number)
    booking = instrument_selectors.booking_for(request.user, payload.booking)
    before = voucher_selectors.redeemed(voucher)
    redemption = writes.voucher_redeem(
        acting_user=request.user, voucher=voucher, booking=booking, idempotency_key=idempotency_key or None
    )
    return Status(200 if before else 201, redemption_out(redemption))


@router.get("/settlements/{year}/{quarter}", response={200: list[SettlementLineOut], **ERRORS})
def settlement(request, year: int, quarter: int, province: str = ""):
    """Who owes whom for the quarter's cross-province redemptions: the caller's provinces' lines."""
    allowed = voucher_selectors.provinces_for_settlement(request.user)
    if not allowed:
        return Status(
            403, {"code": "forbidden", "message": _("Only a province's science officers read its settlements.")}
        )
    if not voucher_selectors.valid_quarter(year, quarter):
        return Status(
            400, {"code": "invalid", "message": _("Give a year from 2000 to 2100 and a quarter 1, 2, 3 or 4.")}
        )
    lines = []
    for p in allowed:
        if province and p.code != province:
            continue
        lines += [line for line in voucher_selectors.settlement(year, quarter, p) if line not in lines]
    return [
        {
            "debtor": line.debtor.code,
            "creditor": line.creditor.code,
            "redemptions": line.redemptions,
            "amount_cny": line.amount_cny,
        }
        for line in lines
    ]


@router.get("/proposals", response=list[ProposalOut], summary="Proposals the caller may see")
def proposals(request):
    return [proposal_out(p) for p in fund_selectors.proposals_visible_to(request.user)[:500]]


def proposal_out(p) -> dict:
    return {
        "number": p.number,
        "call": p.call.code,
        "title": p.title,
        "lead": p.lead.name,
        "requested_cny": p.requested_cny,
    }


@router.post("/calls/{code}/proposals", response={200: ProposalOut, 201: ProposalOut, **ERRORS}, description=RETRY)
def proposal_submit(request, code: str, payload: ProposalIn, idempotency_key: str | None = KEY):
    call = get_object_or_404(Call, code=code)
    lead = get_object_or_404(Organisation, uscc=payload.lead_uscc)
    started = timezone.now()
    proposal = writes.proposal_submit(
        acting_user=request.user,
        idempotency_key=idempotency_key or None,
        data=writes.ProposalInput(
            call=call,
            title=payload.title,
            abstract=payload.abstract,
            keywords=payload.keywords,
            lead=lead,
            requested_cny=payload.requested_cny,
        ),
    )
    return Status(_created(proposal.submitted_at, started), proposal_out(proposal))


@router.get("/match", response={200: list[MatchOut], **ERRORS}, auth=None, summary="Match a need to capabilities")
def match(request, q: str, province: str = "", field: str = "", budget: float | None = None):
    if not q.strip() or len(q) > 500:
        return Status(400, {"code": "invalid", "message": _("Describe the need in 1 to 500 characters.")})
    return [m.__dict__ for m in match_selectors.match(q, province=province, field=field, budget=budget)]


@router.post("/bookings/{number}/cancel", response={200: InnovationBookingOut, **ERRORS})
def booking_cancel(request, number: str, payload: InnovationCancelIn):
    booking = instrument_selectors.booking_for(request.user, number)
    return booking_out(writes.booking_cancel(acting_user=request.user, booking=booking, reason=payload.reason))


@router.post("/proposals/{number}/reports", response={201: InnovationReportOut, **ERRORS})
def report_submit(request, number: str, payload: ReportIn):
    """A progress report on an awarded project, by its lead organisation."""
    proposal = fund_selectors.proposals_visible_to(request.user).get(number=number)
    award = get_object_or_404(Award, proposal=proposal)
    report = writes.report_submit(acting_user=request.user, award=award, period=payload.period, summary=payload.summary)
    return Status(201, {"proposal": number, "period": report.period, "submitted_at": report.submitted_at})


@router.get("/exhibitions", response=list[ExhibitionOut], auth=None, summary="The region's exhibitions (public)")
@decorate_view(public_cache)
def exhibitions(request):
    return [
        {
            "id": e.pk,
            "name_zh": e.name_zh,
            "name_en": e.name_en,
            "city": e.city.code,
            "starts_on": e.starts_on,
            "ends_on": e.ends_on,
            "slot_minutes": e.slot_minutes,
        }
        for e in match_selectors.exhibitions()
    ]


def participant_out(p) -> dict:
    return {"organisation_id": p.organisation_id, "organisation": p.organisation.name, "role": p.role, "offer": p.offer}


@router.get(
    "/exhibitions/{exhibition_id}/participants", response=list[ParticipantOut], auth=None,
    summary="An exhibition's exhibitors and buyers (public)",
)  # fmt: skip
def participants(request, exhibition_id: int):
    exhibition = get_object_or_404(Exhibition, pk=exhibition_id)
    rows = [*match_selectors.participants(exhibition, "exhibitor"), *match_selectors.participants(exhibition, "buyer")]
    return [participant_out(p) for p in rows]


@router.post("/exhibitions/{exhibition_id}/participants", response={201: ParticipantOut, **ERRORS})
def participant_register(request, exhibition_id: int, payload: ParticipantIn):
    """An organisation's people (or the city's science officers) register it as exhibitor or buyer."""
    exhibition = get_object_or_404(Exhibition, pk=exhibition_id)
    organisation = get_object_or_404(Organisation, pk=payload.organisation_id)
    participant = writes.participant_register(
        acting_user=request.user, exhibition=exhibition, organisation=organisation, role=payload.role,
        offer=payload.offer,
    )  # fmt: skip
    return Status(201, participant_out(participant))


@router.post("/exhibitions/{exhibition_id}/meetings", response={201: MeetingOut, **ERRORS})
def meeting_book(request, exhibition_id: int, payload: MeetingIn):
    """A buyer books a matchmaking meeting with an exhibitor in one slot (neither side twice a slot)."""
    exhibition = get_object_or_404(Exhibition, pk=exhibition_id)
    exhibitor = get_object_or_404(Organisation, pk=payload.exhibitor_id)
    buyer = get_object_or_404(Organisation, uscc=payload.buyer_uscc)
    meeting = writes.meeting_book(
        acting_user=request.user, exhibition=exhibition, exhibitor=exhibitor, buyer=buyer, starts_at=payload.starts_at
    )
    body = {
        "exhibition": exhibition.pk,
        "exhibitor": exhibitor.name,
        "buyer": buyer.name,
        "starts_at": meeting.starts_at,
    }
    return Status(201, body)


def cooperation_out(p: CooperationProject) -> dict:
    return {
        "id": p.pk, "title_zh": p.title_zh, "title_en": p.title_en, "partner_country": p.partner_country,
        "partner_name": p.partner_name, "city": p.city.code, "stage": p.stage, "plan_task": p.plan_task,
        "milestones": [
            {"id": m.pk, "title_zh": m.title_zh, "title_en": m.title_en, "due_on": m.due_on, "done_on": m.done_on}
            for m in p.milestones.all()
        ],
    }  # fmt: skip


@router.get("/cooperation", response=list[CooperationOut], auth=None, summary="Public cooperation projects")
@decorate_view(public_cache)
def cooperation(request, partner: str = ""):
    rows = registry_selectors.public_cooperation()
    return [cooperation_out(p) for p in (rows.filter(partner_country=partner) if partner else rows)]


@router.post("/cooperation/{project_id}/stage", response={200: CooperationOut, **ERRORS})
def cooperation_stage(request, project_id: int, payload: InnovationStageIn):
    """Move a project to a later stage (an officer of its province or of the region)."""
    project = get_object_or_404(CooperationProject, pk=project_id)
    moved = writes.cooperation_save(
        acting_user=request.user,
        project=project,
        data=writes.CooperationInput(
            title_zh=project.title_zh, title_en=project.title_en, partner_country=project.partner_country,
            partner_name=project.partner_name, lead=project.lead, city=project.city, stage=payload.stage,
            plan_task=project.plan_task, is_demo=project.is_demo,
        ),
    )  # fmt: skip
    return cooperation_out(moved)


@router.post("/cooperation/{project_id}/milestones/{milestone_id}/done", response={200: CooperationOut, **ERRORS})
def milestone_done(request, project_id: int, milestone_id: int, payload: DoneIn):
    milestone = get_object_or_404(Milestone, pk=milestone_id, project_id=project_id)
    writes.milestone_done(acting_user=request.user, milestone=milestone, done_on=payload.done_on)
    return cooperation_out(milestone.project)
