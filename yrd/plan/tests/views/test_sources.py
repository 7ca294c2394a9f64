"""Readers see where the plan's data comes from as publishers with links, never as the IDs of the
reference files (issue 6: "(AH_DAILY_2022)", "来源 PR_ZH_COPY")."""

from django.test import Client
from django.urls import reverse

from yrd.plan.reference import read_rows
from yrd.plan.sources import SOURCE_ID, SOURCES, cited


def test_every_source_the_plan_data_names_is_known():
    fields = [row[field] for row in read_rows() for field in ("source", "area_title_source")]
    named = {source_id for text in fields for source_id in SOURCE_ID.findall(text)}
    assert named and named <= set(SOURCES)


def test_a_field_naming_sources_gives_each_publisher_once_with_its_link():
    found = cited("PR_ZH_COPY; SHGOV_EN; PR_ZH_COPY")
    assert [s.url for s in found] == [SOURCES["PR_ZH_COPY"][1], SOURCES["SHGOV_EN"][1]]
    assert all("_" not in s.name for s in found)


def test_an_unknown_id_is_left_out_rather_than_shown():
    assert cited("NOT_KNOWN_2030") == []


def test_the_task_page_names_its_sources_with_links(people, tasks):
    task = tasks.shanghai
    task.source = "PR_ZH_COPY; SHGOV_EN"
    task.save()
    client = Client()
    client.force_login(people.region)
    text = client.get(reverse("plan:task", args=[task.pk]), headers={"Accept-Language": "en"}).content.decode()
    assert "PR_ZH_COPY" not in text and "SHGOV_EN" not in text
    assert f'href="{SOURCES["SHGOV_EN"][1]}"' in text and "Shanghai Municipal People" in text


def test_the_transparency_page_names_the_plans_sources(tasks, plan):
    plan.source = "XINHUA_ZH; SHGOV_EN"
    plan.save()
    text = Client().get(reverse("plan:public")).content.decode()
    assert "XINHUA_ZH" not in text and f'href="{SOURCES["XINHUA_ZH"][1]}"' in text
