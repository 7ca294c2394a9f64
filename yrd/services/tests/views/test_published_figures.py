"""The published figures read as a public page: separators, the reader's units, publishers."""

import pytest
from django.urls import reverse
from django.utils import translation

from yrd.services.figures import public_figures
from yrd.services.models import ServiceFigure
from yrd.services.reference import load_reference


@pytest.fixture
def published(reference):
    load_reference()


@pytest.mark.parametrize("name", ["services:catalogue", "services:stats"])
def test_figures_show_separators_and_publishers_not_source_ids(client, published, name):
    text = client.get(reverse(name)).content.decode()
    assert "2,684,500" in text and "2684500" not in text
    assert "PBH_2020" not in text and "SOURCES.md" not in text and "SV03" not in text
    assert 'href="http://www.paobohui.com/news/281506.htm"' in text


def test_units_and_dates_go_through_translation(published, monkeypatch):
    monkeypatch.setattr("yrd.services.figures._", lambda text: f"«{text}»")
    monkeypatch.setitem(__import__("yrd.services.figures", fromlist=["UNITS"]).UNITS, "items", "«items»")
    rows = {f.name: f for f in public_figures(ServiceFigure.objects.all())}
    with translation.override("en"):
        row = rows["Cross-province services available"]
        undated = next(r for r in rows.values() if r.as_of.startswith("«no date"))
    assert (row.value, row.unit, row.as_of) == ("66", "«items»", "«around 2020»")
    assert undated.sources


def test_the_rest_of_a_unit_is_kept_as_the_sources_wording(published):
    with translation.override("en"):
        rows = {f.name: f for f in public_figures(ServiceFigure.objects.all())}
    row = next(r for r in rows.values() if r.unit_wording.startswith("(up from 78)"))
    assert row.value == "113" and str(row.unit) == "items"
