from .access import ApiToken, Role, RoleAssignment
from .audit import AuditEntry, AuditHead
from .calendar import WorkdayOverride
from .idempotency import IdempotencyKey
from .jurisdictions import Jurisdiction
from .notifications import Notification
from .organisations import Organisation
from .users import User

__all__ = [
    "ApiToken",
    "AuditEntry",
    "AuditHead",
    "IdempotencyKey",
    "Jurisdiction",
    "Notification",
    "Organisation",
    "Role",
    "RoleAssignment",
    "User",
    "WorkdayOverride",
]
