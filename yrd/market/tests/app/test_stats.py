"""Public statistics: aggregates by city, city × category and month; never a report or a person."""

import json
import re

import pytest

from yrd.market.tests import factories as f

pytestmark = pytest.mark.django_db


def chart(page: str, name: str) -> dict:
    return json.loads(re.search(rf'<script id="{name}" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_the_statistics_page_counts_reports_per_city_and_category_without_personal_data(client, reference):
    f.report(incident_city="320500")
    f.report(incident_city="320500", category="price_fraud")
    f.report(incident_city="340100")
    page = client.get("/market/statistics/").content.decode()
    by_city = {d["name"]: d["value"] for d in chart(page, "chart-map")["series"][0]["data"]}
    assert by_city["320500"] == 2 and by_city["340100"] == 1 and len(by_city) == 41
    assert sum(cell[2] for cell in chart(page, "chart-heatmap")["series"][0]["data"]) == 3
    assert sum(chart(page, "chart-trend")["series"][0]["data"]) == 3
    assert "13800138000" not in page and "张三" not in page
