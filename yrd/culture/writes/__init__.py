"""Every write of the culture module: validated, one transaction, audited (see README, "Adding a module")."""

from .attachments import AttachmentInput, attachment_add, attachment_remove
from .bid import TRANSITIONS, component_save, dossier_comment, dossier_move, dossier_save
from .common import ResourceInput
from .milestones import MilestoneInput, milestone_done, milestone_save
from .parks import ProjectInput, park_project_save
from .resources import condition_record, resource_relate, resource_save, resources_import
from .slots import SlotInput, entry_slots_save
from .visits import BookingInput, booked_on, may_cancel, reservation_book, reservation_cancel

__all__ = [
    "attachment_add",
    "attachment_remove",
    "component_save",
    "condition_record",
    "dossier_comment",
    "dossier_move",
    "dossier_save",
    "entry_slots_save",
    "milestone_done",
    "milestone_save",
    "park_project_save",
    "reservation_book",
    "reservation_cancel",
    "resource_relate",
    "resource_save",
    "resources_import",
]

# Input types and tables the API, views and tests use alongside the writes.
INPUTS = (
    AttachmentInput,
    BookingInput,
    MilestoneInput,
    ProjectInput,
    ResourceInput,
    SlotInput,
    TRANSITIONS,
    booked_on,
    may_cancel,
)
