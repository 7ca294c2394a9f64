"""Each language gets its own punctuation: separators and label colons are translated."""

import gettext
from pathlib import Path

import pytest
from django.urls import reverse

from yrd.plan.models import ProgressReport
from yrd.plan.tests.factories import ReportFactory

CHINESE = {"headers": {"Accept-Language": "zh-hans"}}
CATALOGUE = Path(__file__).resolve().parents[3] / "locale/zh_Hans/LC_MESSAGES/django.mo"


def _compiled(context, msgid):
    with open(CATALOGUE, "rb") as handle:
        return gettext.GNUTranslations(handle).pgettext(context, msgid)


@pytest.fixture
def two_leads(tasks):
    from yrd.core.tests.factories import jurisdiction

    tasks.shared.lead_jurisdictions.add(jurisdiction("320000"))
    return tasks.shared


def test_english_pages_list_places_with_a_comma(client, people, two_leads):
    client.force_login(people.region)
    for url in (reverse("plan:task", args=[two_leads.pk]), reverse("plan:tasks"), reverse("plan:public")):
        page = client.get(url).content.decode()
        assert "、" not in page, url
        assert "Jiangsu</span>, <span" in page or "Zhejiang</span>, <span" in page, url


def test_chinese_pages_list_places_with_the_chinese_comma(client, people, two_leads):
    client.force_login(people.region)
    page = client.get(reverse("plan:task", args=[two_leads.pk]), **CHINESE).content.decode()
    assert "</span>，<span" in page and "</span>, <span" not in page


def test_english_labels_take_an_ascii_colon(client, people, tasks):
    ReportFactory(task=tasks.shanghai, risk_level=ProgressReport.Risk.HIGH)
    client.force_login(people.region)
    assert "Risk: High" in client.get(reverse("plan:task", args=[tasks.shanghai.pk])).content.decode()


@pytest.mark.skipif(
    _compiled("label separator", ": ") == ": ",
    reason="the Chinese label colon is added to the catalogue by the lead's merge",
)
def test_chinese_labels_take_a_full_width_colon(client, people, tasks):
    ReportFactory(task=tasks.shanghai, risk_level=ProgressReport.Risk.HIGH)
    client.force_login(people.region)
    page = client.get(reverse("plan:task", args=[tasks.shanghai.pk]), **CHINESE).content.decode()
    assert "风险：高" in page and "风险: " not in page
