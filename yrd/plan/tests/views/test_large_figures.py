"""Large figures read as the reader expects (issue 6: Chinese pages printed 2684500): 268.45万 in
Chinese, 2,684,500 in English, on the task pages, the transparency page, the charts and the PDF."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from yrd.plan import charts, selectors
from yrd.plan.pdf import render_quarterly_html
from yrd.plan.tests.factories import ReportFactory


@pytest.fixture
def big(tasks, people):
    task = tasks.shanghai
    task.kpi_name_zh, task.kpi_name_en, task.kpi_target, task.kpi_unit = "办件量", "Cases handled", 3_000_000, "件"
    task.save()
    ReportFactory(
        task=task,
        period_start=date(2025, 8, 1),
        period_end=date(2025, 8, 31),
        kpi_value=Decimal("2684500"),
        review_state="accepted",
        reviewed_by=people.region,
    )
    return task


def page(user, url, language):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(url, headers={"Accept-Language": language}).content.decode()


@pytest.mark.parametrize(
    ("language", "target", "reached"), [("zh-hans", "300万件", "268.45万件"), ("en", "3,000,000 件", "2,684,500 件")]
)
def test_the_task_page_writes_the_kpi_as_its_reader_expects(people, big, language, target, reached):
    text = page(people.region, reverse("plan:task", args=[big.pk]), language)
    assert target in text and reached in text and "2684500" not in text


def test_live_figures_are_written_as_the_reader_expects(people, big, monkeypatch):
    monkeypatch.setattr(selectors, "live_figures", lambda task: [("办件", 2684500, "件")])
    assert "268.45万件" in page(people.region, reverse("plan:task", args=[big.pk]), "zh-hans")


def test_the_public_task_page_shows_its_kpi_in_the_readers_figures(big):
    assert "300万件" in page(None, reverse("plan:public-task", args=[big.pk]), "zh-hans")


def test_the_quarterly_pdf_shows_the_kpi_reached_in_the_readers_figures(people, big):
    with translation.override("zh-hans"):
        html = render_quarterly_html(people.region, 2025, 3, today=date(2026, 1, 10))
    assert "268.45万件" in html and "300万件" in html


def test_chart_tooltips_write_large_counts_as_the_reader_expects():
    area = SimpleNamespace(pk=1, number=1, title="Area 1")
    province = SimpleNamespace(code="310000", name="上海")
    with translation.override("zh-hans"):
        chart = charts.area_province_heatmap([area], [province], {(1, "310000"): (26845, 50.0)})
    assert "2.68万" in chart["series"][0]["data"][0]["tooltip"]["formatter"]
