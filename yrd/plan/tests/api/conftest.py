"""A small plan with one task per province and the fixed personas of the access matrix."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client

from yrd.core.tests.factories import person
from yrd.core.writes import api_token_create

from . import builders


@dataclass
class World:
    plan: object
    orgs: dict
    tasks: dict  # province code -> task
    people: dict  # persona -> user (None for anonymous)
    tokens: dict  # persona -> bearer key


@pytest.fixture
def world(reference):
    plan = builders.plan_with_areas()
    orgs = {code: builders.organisation(code) for code in ("310000", "320000", "330000")}
    tasks = {
        "310000": builders.task(plan, "1.01", lead="310000", organisations=[orgs["310000"]], area=1),
        "320000": builders.task(
            plan, "2.01", lead="320500", coleads=["340000"], organisations=[orgs["320000"]], area=2
        ),
        "330000": builders.task(
            plan, "3.01", lead="330000", organisations=[orgs["330000"]], area=3, is_published=False
        ),
    }
    for task in tasks.values():
        builders.milestone(task, date(2025, 6, 30))
    people = {
        "region_coordinator": person("plan_coordinator", "YRD"),
        "jiangsu_coordinator": person("plan_coordinator", "320000"),
        "shanghai_owner": person("task_owner", "310000", organisation=orgs["310000"]),
        "stranger": person(),
        "anonymous": None,
        "token_caller": person("plan_coordinator", "330000"),
    }
    _token, key = api_token_create(acting_user=people["token_caller"], name="ci", scope="read_write")
    owner = person("task_owner", "YRD")  # submits the reports awaiting review
    for task in tasks.values():
        builders.report(task, owner)
    return World(plan, orgs, tasks, people, {"token_caller": key})


def client_for(world, persona):
    """A Client acting as the persona: session login, Bearer token, or nobody."""
    if persona in world.tokens:
        return Client(HTTP_AUTHORIZATION=f"Bearer {world.tokens[persona]}")
    client = Client()
    if world.people.get(persona) is not None:
        client.force_login(world.people[persona])
    return client


@pytest.fixture
def as_persona(world):
    return lambda persona: client_for(world, persona)
