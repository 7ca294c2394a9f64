"""Evidence files are stored under random names (nothing in the stored name tells who sent what, or
lets one file's name be guessed from another's) and reach people only through the access-checked
download, which gives the file back under the name it was sent with."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from yrd.plan import writes
from yrd.plan.tests.api import builders

PDF = b"%PDF-1.7\n" + b"0" * 64
RANDOM_NAME = re.compile(r"plan/evidence/\d{4}/\d{2}/[0-9a-f]{32}\.pdf")


@pytest.fixture
def submitted(reference):
    task, owner = builders.owned_task()
    reports = [
        writes.report_submit(
            acting_user=owner,
            task=task,
            period_start=date(2025, month, 1),
            period_end=date(2025, month, 28),
            percent=10 * month,
            narrative_zh="进展",
            evidence=[SimpleUploadedFile("张三身份证.pdf", PDF, content_type="application/pdf")],
        )
        for month in (1, 2)
    ]
    return task, owner, [report.evidence.get() for report in reports]


def test_evidence_is_stored_under_a_random_name(submitted):
    _task, _owner, (first, second) = submitted
    assert RANDOM_NAME.fullmatch(first.file.name) and RANDOM_NAME.fullmatch(second.file.name)
    assert first.file.name != second.file.name
    assert "张三" not in first.file.name and first.original_name == "张三身份证.pdf"


def test_the_download_gives_the_file_back_under_its_sent_name(submitted):
    _task, owner, (first, _second) = submitted
    client = Client()
    client.force_login(owner)
    response = client.get(reverse("plan:evidence", args=[first.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"] and "filename*=utf-8''" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_pages_link_evidence_only_through_the_checked_download(submitted):
    task, owner, (first, _second) = submitted
    client = Client()
    client.force_login(owner)
    page = client.get(reverse("plan:task", args=[task.pk])).content.decode()
    assert reverse("plan:evidence", args=[first.pk]) in page
    assert settings.MEDIA_URL not in page and first.file.name not in page


def test_the_stored_file_is_not_served_under_the_media_url(submitted):
    _task, owner, (first, _second) = submitted
    client = Client()
    client.force_login(owner)
    assert client.get(settings.MEDIA_URL + first.file.name).status_code == 404
