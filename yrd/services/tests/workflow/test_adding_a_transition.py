"""Adding a transition is one entry in the table plus the write that performs it: the rule in the
entry authorises it, the application page offers it as a button, and the API performs it."""

import json
from typing import Annotated

import pytest
from django.urls import reverse
from pydantic import Field

from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.services.apps import ACCEPT
from yrd.services.models import State
from yrd.services.tests.conftest import forwarded
from yrd.services.workflow import TRANSITIONS, WRITES, Transition, allowed_transitions, inputs
from yrd.services.workflow.sides import lead_authority


class RemarkInput(inputs.TransitionInput):
    remark: Annotated[str, inputs.Widget("textarea", "Remark", required=True)] = Field("", max_length=100)


@write
def application_remark(*, acting_user, application, remark):
    """A fake transition: the authority notes something on a forwarded application."""
    audit_record(actor=acting_user, action="services.application.accept", obj=application, data={"remark": remark})
    return application


@pytest.fixture
def remark(monkeypatch):
    transition = Transition(
        "remark", "remarked", "Add a remark", frozenset({State.FORWARDED}), None, (lead_authority(ACCEPT),), RemarkInput
    )
    monkeypatch.setitem(TRANSITIONS, "remark", transition)
    monkeypatch.setitem(WRITES, "remark", application_remark)
    return transition


def test_the_table_entry_authorises_the_competent_authority_only(world, remark):
    application = forwarded(world)
    assert "remark" in allowed_transitions(world.ah_officer, application)
    assert "remark" not in allowed_transitions(world.js_officer, application)
    assert "remark" not in allowed_transitions(world.applicant, application)


def test_the_application_page_offers_it_as_a_button(client, world, remark):
    application = forwarded(world)
    client.force_login(world.ah_officer)
    html = client.get(reverse("services:application", args=[application.number])).content.decode()
    assert 'id="do-remark"' in html and 'name="remark"' in html and "Add a remark" in html


def test_the_api_lists_and_performs_it_with_its_typed_input(client, world, remark):
    application = forwarded(world)
    client.force_login(world.ah_officer)
    url = f"/api/services/applications/{application.number}"
    assert "remark" in client.get(url).json()["allowed_transitions"]
    done = client.post(f"{url}/remark", json.dumps({"remark": "checked"}), content_type="application/json")
    assert done.status_code == 200
    too_long = client.post(f"{url}/remark", json.dumps({"remark": "x" * 101}), content_type="application/json")
    assert too_long.status_code == 400 and "100" in too_long.json()["errors"]["remark"][0]
    client.force_login(world.js_officer)
    refused = client.post(f"{url}/remark", json.dumps({"remark": "x"}), content_type="application/json")
    assert refused.status_code == 404  # another province's officer does not even see it
