from .attachments import Attachment
from .bid import SECTIONS, Component, DossierComment, DossierSection, DossierVersion
from .resources import ConditionAssessment, HeritageResource
from .visits import EntrySlot, ParkProject, Reservation

__all__ = [
    "Attachment",
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
