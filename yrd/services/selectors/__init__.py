"""Every read of the services app, scoped by what the caller may see."""

from .applications import (
    DONE_STATES,
    OPEN_STATES,
    application_for,
    applications_visible_to,
    attention,
    detailed,
    handling_queue,
    material_for,
    my_applications,
    window_queue,
    with_clocks,
)
from .catalogue import catalogue, item_by_code, provinces_with_authority, published_figures, windows
from .people import (
    action_grants,
    handling_side,
    officers_for,
    org_scope,
    visible_applications,
    window_side,
)
from .remote import day_bounds, my_windows, remote_day
from .reuse import account_identity, reusable_materials
from .statistics import applications_demo_count, statistics

__all__ = [
    "DONE_STATES",
    "OPEN_STATES",
    "account_identity",
    "action_grants",
    "application_for",
    "applications_demo_count",
    "applications_visible_to",
    "attention",
    "catalogue",
    "day_bounds",
    "detailed",
    "handling_queue",
    "handling_side",
    "item_by_code",
    "material_for",
    "my_applications",
    "my_windows",
    "officers_for",
    "org_scope",
    "provinces_with_authority",
    "published_figures",
    "remote_day",
    "reusable_materials",
    "statistics",
    "visible_applications",
    "window_queue",
    "window_side",
    "windows",
    "with_clocks",
]
