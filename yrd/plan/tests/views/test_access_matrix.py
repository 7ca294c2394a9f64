"""Every page x every persona, on a task of the persona's own jurisdiction and on another's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from yrd.plan import writes
from yrd.plan.models import Evidence
from yrd.plan.tests.factories import ReportFactory

LOGIN, OK, NOT_FOUND, FORBIDDEN = 302, 200, 404, 403
PERSONAS = ["anonymous", "stranger", "owner", "jiangsu", "region"]

# page -> expected status per persona, in PERSONAS order
MATRIX = {
    "overview": [LOGIN, OK, OK, OK, OK],
    "tasks": [LOGIN, OK, OK, OK, OK],
    "attention": [LOGIN, OK, OK, OK, OK],
    "heatmap": [LOGIN, OK, OK, OK, OK],
    "gantt": [LOGIN, OK, OK, OK, OK],
    "reviews": [LOGIN, OK, OK, OK, OK],
    "baselines": [LOGIN, OK, OK, OK, OK],
    "baseline": [LOGIN, NOT_FOUND, OK, OK, OK],
    "public": [OK, OK, OK, OK, OK],
    "shanghai task": [LOGIN, NOT_FOUND, OK, NOT_FOUND, OK],
    "jiangsu task": [LOGIN, NOT_FOUND, NOT_FOUND, OK, OK],
    "shanghai evidence": [LOGIN, FORBIDDEN, OK, FORBIDDEN, OK],
    "jiangsu evidence": [LOGIN, FORBIDDEN, FORBIDDEN, OK, OK],
}


@pytest.fixture
def urls(people, tasks, plan):
    def evidence_of(task):
        report = ReportFactory(task=task)
        upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 test")
        return Evidence.objects.create(
            report=report,
            file=upload,
            original_name="scan.pdf",
            content_type="application/pdf",
            size=13,
            sha256="0" * 64,
        )

    baseline = writes.baseline_freeze(acting_user=people.region, plan=plan, name="B")
    return {
        "overview": reverse("plan:overview"),
        "tasks": reverse("plan:tasks"),
        "attention": reverse("plan:attention"),
        "heatmap": reverse("plan:heatmap"),
        "gantt": reverse("plan:gantt"),
        "reviews": reverse("plan:reviews"),
        "baselines": reverse("plan:baselines"),
        "baseline": reverse("plan:baseline", args=[baseline.pk]),
        "public": reverse("plan:public"),
        "shanghai task": reverse("plan:task", args=[tasks.shanghai.pk]),
        "jiangsu task": reverse("plan:task", args=[tasks.jiangsu.pk]),
        "shanghai evidence": reverse("plan:evidence", args=[evidence_of(tasks.shanghai).pk]),
        "jiangsu evidence": reverse("plan:evidence", args=[evidence_of(tasks.jiangsu).pk]),
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_page_answers_each_persona_as_expected(client, people, urls, persona):
    if persona != "anonymous":
        client.force_login(getattr(people, persona))
    answers = {page: client.get(url).status_code for page, url in urls.items()}
    expected = {page: statuses[PERSONAS.index(persona)] for page, statuses in MATRIX.items()}
    assert answers == expected
