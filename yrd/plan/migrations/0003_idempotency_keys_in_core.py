"""Progress reports' idempotency keys move to the core store (core.IdempotencyKey), where every
module keeps them: per sender, with a fingerprint of the request. Keys on file are carried over
with the fingerprint the plan's report_submit computes, so a retry across the upgrade still
replays its report."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations


def _fingerprint(request):
    # As yrd.core.idempotency.fingerprint, frozen here so that later changes to it do not change
    # what this migration wrote.
    canonical = json.dumps(request, sort_keys=True, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


def keys_to_core(apps, schema_editor):
    ProgressReport = apps.get_model("plan", "ProgressReport")
    Evidence = apps.get_model("plan", "Evidence")
    IdempotencyKey = apps.get_model("core", "IdempotencyKey")
    for report in ProgressReport.objects.exclude(idempotency_key__isnull=True).exclude(idempotency_key=""):
        request = {  # as yrd.plan.writes.reports.Submission.request
            "task": report.task_id,
            "period_start": report.period_start,
            "period_end": report.period_end,
            "percent": report.percent,
            "narrative_zh": report.narrative_zh,
            "narrative_en": report.narrative_en,
            "risk_level": report.risk_level,
            "kpi_value": None if report.kpi_value is None else f"{report.kpi_value:.2f}",
            "evidence": list(Evidence.objects.filter(report=report).order_by("pk").values_list("sha256", flat=True)),
        }
        IdempotencyKey.objects.get_or_create(
            operation="plan.report.submit",
            actor_key=f"user:{report.submitted_by_id}" if report.submitted_by_id else "system",
            key=report.idempotency_key,
            defaults={"fingerprint": _fingerprint(request), "result_id": str(report.pk)},
        )


def keys_back(apps, schema_editor):
    ProgressReport = apps.get_model("plan", "ProgressReport")
    IdempotencyKey = apps.get_model("core", "IdempotencyKey")
    for stored in IdempotencyKey.objects.filter(operation="plan.report.submit").exclude(result_id=""):
        if not ProgressReport.objects.filter(idempotency_key=stored.key).exists():  # unique there, per sender here
            ProgressReport.objects.filter(pk=stored.result_id).update(idempotency_key=stored.key)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_idempotency_keys"),
        ("plan", "0002_field_labels"),
    ]

    operations = [
        migrations.RunPython(keys_to_core, keys_back),
        migrations.RemoveField(model_name="progressreport", name="idempotency_key"),
    ]
