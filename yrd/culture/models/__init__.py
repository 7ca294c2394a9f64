from .attachments import Attachment
from .bid import SECTIONS, Component, DossierComment, DossierSection, DossierVersion
from .milestones import BidMilestone
from .resources import ConditionAssessment, HeritageResource
from .visits import EntrySlot, ParkProject, Reservation

__all__ = [
    "Attachment",
    "BidMilestone",
    "SECTIONS",
    "Component",
    "ConditionAssessment",
    "DossierComment",
    "DossierSection",
    "DossierVersion",
    "EntrySlot",
    "HeritageResource",
    "ParkProject",
    "Reservation",
]
