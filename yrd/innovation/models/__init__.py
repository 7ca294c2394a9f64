from .fund import Assignment, Award, Call, ProjectReport, Proposal, Review, Reviewer
from .instruments import Booking, Instrument, OpeningWindow, Usage
from .matching import Capability, Exhibition, Meeting, Participant
from .registry import Centre, CooperationProject, Expert, Milestone, Recognition
from .vouchers import Programme, Redemption, Relation, Voucher

__all__ = [
    "Assignment",
    "Award",
    "Booking",
    "Call",
    "Capability",
    "Centre",
    "CooperationProject",
    "Exhibition",
    "Expert",
    "Instrument",
    "Meeting",
    "Milestone",
    "OpeningWindow",
    "Participant",
    "Programme",
    "ProjectReport",
    "Proposal",
    "Recognition",
    "Redemption",
    "Relation",
    "Review",
    "Reviewer",
    "Usage",
    "Voucher",
]
