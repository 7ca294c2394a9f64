"""Every write of the services app: permission-checked, validated, in one transaction, audited."""

from .catalogue import authority_set, item_set_details, item_upsert, material_require, material_type_ensure
from .clocks import clocks_recompute
from .decisions import (
    application_decide,
    application_deliver,
    application_start_handling,
    step_complete,
)
from .remote import (
    booking_cancel,
    booking_check_in,
    booking_create,
    booking_hand_off,
    booking_no_show,
    session_end,
    session_start,
    slot_cancel,
    slot_create,
)
from .submission import ApplicationDraft as ApplicationDraft
from .submission import account_identity_set, application_submit
from .transitions import (
    application_accept,
    application_forward,
    application_receive,
    application_reject,
    correction_request,
    correction_respond,
)

__all__ = [
    "account_identity_set",
    "application_accept",
    "application_decide",
    "application_deliver",
    "application_forward",
    "application_receive",
    "application_reject",
    "application_start_handling",
    "application_submit",
    "authority_set",
    "booking_cancel",
    "booking_check_in",
    "booking_create",
    "booking_hand_off",
    "booking_no_show",
    "clocks_recompute",
    "correction_request",
    "correction_respond",
    "item_set_details",
    "item_upsert",
    "material_require",
    "material_type_ensure",
    "session_end",
    "session_start",
    "slot_cancel",
    "slot_create",
    "step_complete",
]
