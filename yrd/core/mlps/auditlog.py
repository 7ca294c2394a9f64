"""What the audit administrator sees of the audit log: entries within the jurisdictions their
AUDIT_READ grants cover (region-wide grants also see entries tied to no jurisdiction), filtered."""

import json
from datetime import datetime, time

from django.db.models import Q
from django.utils import timezone

from yrd.core.access import _unlimited, grants
from yrd.core.models import AuditEntry, Jurisdiction
from yrd.core.tables.writing import write_csv

CSV_COLUMNS = (
    "seq", "at", "actor_label", "action", "object_type", "object_id", "object_repr", "jurisdiction", "ip", "data",
    "hash", "actor_id", "personal_data", "personal_erased_at",
)  # fmt: skip


def visible_entries(user, action):
    entries = AuditEntry.objects.all()
    if _unlimited(user):
        return entries
    paths = [g.path for g in grants(user) if action in g.actions]
    if not paths:
        return entries.none()
    if Jurisdiction.REGION_CODE in paths:
        return entries
    within = Q()
    for path in paths:
        within |= Q(path=path) | Q(path__startswith=path + "/")
    codes = Jurisdiction.objects.filter(within).values_list("code", flat=True)
    return entries.filter(jurisdiction__in=list(codes))


def filtered(entries, filters: dict):
    if filters.get("action"):
        entries = entries.filter(action__startswith=filters["action"])
    if filters.get("actor"):
        entries = entries.filter(actor_label__icontains=filters["actor"])
    if filters.get("object_type"):
        entries = entries.filter(object_type__icontains=filters["object_type"])
    if filters.get("jurisdiction"):
        entries = entries.filter(jurisdiction=filters["jurisdiction"])
    zone = timezone.get_current_timezone()
    if filters.get("since"):
        entries = entries.filter(at__gte=datetime.combine(filters["since"], time.min, tzinfo=zone))
    if filters.get("until"):
        entries = entries.filter(at__lte=datetime.combine(filters["until"], time.max, tzinfo=zone))
    return entries.order_by("-seq")


def csv_bytes(entries) -> tuple[bytes, int]:
    """The entries as CSV (formula-like text escaped by core.tables), and how many there were."""
    rows = []
    for entry in entries.iterator():
        row = [getattr(entry, column) for column in CSV_COLUMNS]
        row[1] = entry.at.isoformat()
        row[9] = json.dumps(entry.data, ensure_ascii=False, sort_keys=True)
        row[12] = json.dumps(entry.personal_data, ensure_ascii=False, sort_keys=True)
        row[13] = entry.personal_erased_at.isoformat() if entry.personal_erased_at else ""
        rows.append(row)
    return write_csv("audit", list(CSV_COLUMNS), rows), len(rows)
