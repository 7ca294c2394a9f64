from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema


class InstrumentOut(Schema):
    code: str
    name_zh: str
    name_en: str
    category: str
    owner: str
    city: str
    province: str
    hourly_price: Decimal
    conditions: str


class InnovationBookingIn(Schema):
    instrument: str = Field(max_length=24)
    firm_uscc: str = Field(max_length=18)
    starts_at: datetime
    ends_at: datetime
    purpose: str = Field(max_length=300)


class InnovationBookingOut(Schema):
    number: str
    instrument: str
    firm: str
    starts_at: datetime
    ends_at: datetime
    state: str


class DecisionIn(Schema):
    approve: bool
    note: str = Field("", max_length=300)


class UsageIn(Schema):
    hours: Decimal
    used_on: date
    note: str = Field("", max_length=300)


class UsageOut(Schema):
    booking: str | None
    instrument: str
    hours: Decimal
    used_on: date
    cost_cny: Decimal


class VoucherOut(Schema):
    number: str
    issuing_province: str
    firm: str
    amount_cny: Decimal
    issued_on: date
    expires_on: date
    redeemed: bool


class RedeemIn(Schema):
    booking: str = Field(max_length=24)


class RedemptionOut(Schema):
    voucher: str
    booking: str
    amount_cny: Decimal
    issuing_province: str
    provider_province: str
    redeemed_on: date


class SettlementLineOut(Schema):
    debtor: str
    creditor: str
    redemptions: int
    amount_cny: Decimal


class ProposalIn(Schema):
    title: str = Field(max_length=200)
    abstract: str = Field(max_length=3000)
    keywords: str = Field(max_length=300)
    lead_uscc: str = Field(max_length=18)
    requested_cny: Decimal


class ProposalOut(Schema):
    number: str
    call: str
    title: str
    lead: str
    requested_cny: Decimal


class MatchOut(Schema):
    key: str
    kind: str
    title: str
    province: str
    field: str
    price: float | None
    score: float


class ExhibitionOut(Schema):
    id: int
    name_zh: str
    name_en: str
    city: str
    starts_on: date
    ends_on: date
    slot_minutes: int


class ParticipantIn(Schema):
    organisation_id: int
    role: str = Field(max_length=10, description="exhibitor or buyer")
    offer: str = Field("", max_length=300)


class ParticipantOut(Schema):
    organisation_id: int
    organisation: str
    role: str
    offer: str


class MeetingIn(Schema):
    exhibitor_id: int
    buyer_uscc: str = Field(max_length=18)
    starts_at: datetime


class MeetingOut(Schema):
    exhibition: int
    exhibitor: str
    buyer: str
    starts_at: datetime


class InnovationCancelIn(Schema):
    reason: str = Field(max_length=300)


class ReportIn(Schema):
    period: str = Field(max_length=20)
    summary: str = Field(max_length=3000)


class InnovationReportOut(Schema):
    proposal: str
    period: str
    submitted_at: datetime


class VoucherIn(Schema):
    firm_uscc: str = Field(max_length=18)
    amount_cny: Decimal


class InnovationMilestoneOut(Schema):
    id: int
    title_zh: str
    title_en: str
    due_on: date
    done_on: date | None


class CooperationOut(Schema):
    id: int
    title_zh: str
    title_en: str
    partner_country: str
    partner_name: str
    city: str
    stage: str
    plan_task: str
    milestones: list[InnovationMilestoneOut]


class InnovationStageIn(Schema):
    stage: str = Field(max_length=10)


class DoneIn(Schema):
    done_on: date
