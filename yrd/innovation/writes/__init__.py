"""Every write of the innovation module (see the README, "Adding a module")."""

from .fund import CallInput as CallInput
from .fund import ProposalInput as ProposalInput
from .fund import (
    awards_decide,
    call_open,
    proposal_submit,
    report_submit,
    review_submit,
    reviewer_enrol,
    reviewers_assign,
)
from .instruments import InstrumentInput as InstrumentInput
from .instruments import booking_cancel, booking_decide, booking_request, instrument_save, usage_record
from .matching import capability_save, exhibition_save, meeting_book, participant_register
from .registry import CentreInput as CentreInput
from .registry import CooperationInput as CooperationInput
from .registry import (
    centre_save,
    cooperation_save,
    expert_save,
    milestone_done,
    recognition_save,
)
from .vouchers import programme_open, relation_declare, voucher_issue, voucher_redeem

__all__ = [
    "awards_decide",
    "booking_cancel",
    "booking_decide",
    "booking_request",
    "call_open",
    "capability_save",
    "centre_save",
    "cooperation_save",
    "exhibition_save",
    "expert_save",
    "instrument_save",
    "meeting_book",
    "milestone_done",
    "participant_register",
    "programme_open",
    "proposal_submit",
    "recognition_save",
    "relation_declare",
    "report_submit",
    "review_submit",
    "reviewer_enrol",
    "reviewers_assign",
    "usage_record",
    "voucher_issue",
    "voucher_redeem",
]
