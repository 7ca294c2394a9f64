"""Where a write comes from (client address), for the audit log; set by middleware or commands."""

from contextvars import ContextVar

origin = ContextVar("yrd_origin", default="")
