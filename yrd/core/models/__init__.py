from .access import ApiToken, Role, RoleAssignment
from .audit import AuditCheckpoint, AuditEntry, AuditHead
from .calendar import WorkdayOverride
from .idempotency import IdempotencyKey
from .jurisdictions import Jurisdiction
from .notifications import Notification
from .organisations import Organisation
from .users import PasswordHistory, User

__all__ = [
    "ApiToken",
    "AuditCheckpoint",
    "AuditEntry",
    "AuditHead",
    "IdempotencyKey",
    "Jurisdiction",
    "Notification",
    "Organisation",
    "PasswordHistory",
    "Role",
    "RoleAssignment",
    "User",
    "WorkdayOverride",
]
