"""The tamper-evident audit log: append inside the writer's transaction (`audit_record`), verify
every chain against its heads and signed checkpoints (`verify_chain`), anchor it outside the
database (`make_checkpoint`), and record security events (`record_security_event`)."""

from yrd.core.audit.chain import (
    CHAINED_FIELDS,
    UndeclaredAuditEvent,
    audit_record,
    data_version,
    entry_hash,
    plain_json,
)
from yrd.core.audit.checkpoints import CheckpointProblem, export_checkpoints, make_checkpoint
from yrd.core.audit.security import SECURITY_EVENTS, record_security_event, security_event
from yrd.core.audit.verify import ChainBreak, Verification, stored_values, verify_chain, verify_log
from yrd.core.models.audit import GENESIS

__all__ = [
    "CHAINED_FIELDS",
    "GENESIS",
    "SECURITY_EVENTS",
    "ChainBreak",
    "CheckpointProblem",
    "UndeclaredAuditEvent",
    "Verification",
    "audit_record",
    "data_version",
    "entry_hash",
    "export_checkpoints",
    "make_checkpoint",
    "plain_json",
    "record_security_event",
    "security_event",
    "stored_values",
    "verify_chain",
    "verify_log",
]
