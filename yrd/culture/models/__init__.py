from .bid import SECTIONS, Component, DossierComment, DossierSection, DossierVersion
from .resources import ConditionAssessment, HeritageResource
from .visits import ParkProject, Reservation

__all__ = [
    "SECTIONS",
    "Component",
    "ConditionAssessment",
    "DossierComment",
    "DossierSection",
    "DossierVersion",
    "HeritageResource",
    "ParkProject",
    "Reservation",
]
