"""The transparency page: no login, published tasks and published fields only, both languages."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from yrd.plan.models import Evidence
from yrd.plan.tests.factories import AREAS, ReportFactory

from .conftest import codes_on


@pytest.fixture
def reported(tasks, people):
    report = ReportFactory(
        task=tasks.jiangsu,
        percent=70,
        narrative_zh="秘密的叙述",
        narrative_en="A confidential narrative",
        review_comment="reviewer's note",
        reviewed_by=people.region,
        review_state="accepted",
    )
    Evidence.objects.create(
        report=report,
        file=SimpleUploadedFile("proof.png", b"\x89PNG\r\n\x1a\n"),
        original_name="proof.png",
        content_type="image/png",
        size=8,
        sha256="0" * 64,
    )
    ReportFactory(
        task=tasks.unpublished,
        percent=20,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 1, 31),
    )
    return report


def test_anyone_may_read_it_without_logging_in(client, tasks):
    response = client.get(reverse("plan:public"))
    assert response.status_code == 200


def test_it_hides_unpublished_tasks(client, tasks, reported):
    response = client.get(reverse("plan:public"))
    assert codes_on(response) == {"1.01", "1.02", "2.01", "3.01", "3.02"}
    assert response.context["summary"]["total"] == 5


def test_it_shows_published_fields_and_never_narratives_evidence_or_reviewers(client, tasks, reported, people):
    text = client.get(reverse("plan:public"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "70%" in text and "2026-12-31" in text and "Jiangsu" in text
    for secret in (
        "秘密的叙述",
        "A confidential narrative",
        "reviewer&#x27;s note",
        "proof.png",
        str(people.region),
        people.shanghai_drc.name_zh,
        "Shanghai DRC",
    ):
        assert secret not in text


def test_figures_count_only_published_tasks(client, tasks, reported):
    context = client.get(reverse("plan:public")).context
    assert context["average"] == 14.0  # 70% on one of five published tasks
    assert 4 not in {row["area"].number for row in context["area_rows"] if row["figures"]}


def test_area_titles_follow_the_chosen_language(client, tasks):
    chinese = client.get(reverse("plan:public"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get(reverse("plan:public"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for _number, title_zh, title_en in AREAS:
        assert title_zh in chinese and title_en not in chinese
        assert title_en in english and title_zh not in english


def test_the_language_switcher_changes_the_page(client, tasks):
    url = reverse("plan:public")
    response = client.post(reverse("set_language"), {"language": "en", "next": url})
    assert response["Location"] == url
    assert AREAS[0][2] in client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "zh-hans", "next": url})
    assert AREAS[0][1] in client.get(url).content.decode()


def test_a_filter_by_area_narrows_the_task_table_not_the_charts(client, tasks):
    context = client.get(reverse("plan:public") + "?area=3").context
    assert {t.code for t in context["shown"]} == {"3.01", "3.02"}
    assert context["summary"]["total"] == 5


def test_before_a_plan_is_loaded_it_says_so(client, db):
    response = client.get(reverse("plan:public"))
    assert response.status_code == 200
    assert "not been published yet" in response.content.decode()


def test_signed_in_readers_get_the_plan_tabs(client, tasks, people):
    client.force_login(people.owner)
    assert reverse("plan:overview") in client.get(reverse("plan:public")).content.decode()
