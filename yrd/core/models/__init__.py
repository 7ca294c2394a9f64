from .access import ApiToken, Role, RoleAssignment
from .audit import AuditCheckpoint, AuditEntry, AuditHead, DataVersion
from .calendar import WorkdayOverride
from .consents import Consent
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
    "DataVersion",
    "Consent",
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
