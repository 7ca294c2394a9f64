"""Personal fields are masked by default; a role that needs the full value reveals it through the one
core mechanism, and every reveal is in the audit log (which field of which record, never the value)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.test import RequestFactory

from yrd.core.models import AuditEntry
from yrd.core.personal.reveal import may_reveal, personal_reveal, shown
from yrd.core.tests.factories import reveals


def test_the_regulator_working_the_report_reveals_the_phone_and_it_is_audited(people, suzhou_report):
    value = personal_reveal(acting_user=people.suzhou, obj=suzhou_report, field="reporter_phone")
    assert value == "13800138000"
    entry = reveals().get()
    assert (entry.actor_id, entry.object_type, entry.object_id) == (
        people.suzhou.pk,
        "market.Report",
        str(suzhou_report.pk),
    )
    assert entry.data == {"field": "reporter_phone", "kind": "phone"}
    assert "13800138000" not in f"{entry.object_repr} {entry.data}"


def test_a_regulator_of_another_province_is_refused_and_nothing_is_recorded(people, suzhou_report):
    with pytest.raises(PermissionDenied):
        personal_reveal(acting_user=people.shanghai, obj=suzhou_report, field="reporter_phone")
    assert not reveals().exists()
    assert shown(people.shanghai, suzhou_report, "reporter_phone") == "138****8000"


def test_the_reporter_sees_their_own_contact(people, suzhou_report):
    assert may_reveal(people.reporter_zhang, suzhou_report)
    assert shown(people.reporter_zhang, suzhou_report, "reporter_email") == "zhang@example.test"


def test_a_field_not_declared_personal_cannot_be_revealed(people, suzhou_report):
    from django.core.exceptions import ObjectDoesNotExist

    with pytest.raises(ObjectDoesNotExist):
        personal_reveal(acting_user=people.suzhou, obj=suzhou_report, field="subject_name")


def test_the_api_reveals_to_the_allowed_role_and_refuses_others(client, people, suzhou_report):
    body = {"object": "market.Report", "id": str(suzhou_report.pk), "field": "reporter_name"}
    client.force_login(people.suzhou)
    allowed = client.post("/api/core/personal/reveal", body, content_type="application/json")
    assert allowed.status_code == 200 and allowed.json()["value"] == "张三"
    client.force_login(people.shanghai)
    refused = client.post("/api/core/personal/reveal", body, content_type="application/json")
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    assert reveals().count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"object": "market.Case", "id": "1", "field": "enterprise_name"},
        {"object": "no.Such", "id": "1", "field": "x"},
        {"object": "market.Report", "id": "not-a-number", "field": "reporter_name"},
        {"object": "market.Report", "id": "{pk}", "field": "subject_name"},
    ],
)
def test_the_api_answers_404_for_what_is_not_a_personal_field(client, people, suzhou_report, body):
    client.force_login(people.suzhou)
    body = {**body, "id": body["id"].format(pk=suzhou_report.pk)}
    answer = client.post("/api/core/personal/reveal", body, content_type="application/json")
    assert answer.status_code == 404 and answer.json()["code"] == "not_found"


def test_the_api_refuses_an_anonymous_caller(client, suzhou_report):
    body = {"object": "market.Report", "id": str(suzhou_report.pk), "field": "reporter_name"}
    assert client.post("/api/core/personal/reveal", body, content_type="application/json").status_code == 401


def test_the_page_endpoint_swaps_the_full_value_in_for_htmx(client, people, suzhou_report):
    url = f"/core/personal/reveal/market.Report/{suzhou_report.pk}/reporter_phone/"
    client.force_login(people.suzhou)
    answer = client.post(url, headers={"HX-Request": "true"})
    assert answer.status_code == 200 and "13800138000" in answer.content.decode()
    client.force_login(people.shanghai)
    assert client.post(url).status_code == 403
    assert reveals().count() == 1


def test_the_page_endpoint_sends_strangers_to_log_in(client, suzhou_report):
    answer = client.post(f"/core/personal/reveal/market.Report/{suzhou_report.pk}/reporter_phone/")
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def render_tag(user, obj, field):
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load personal %}{% personal obj field %}")
    return template.render(Context({"request": request, "obj": obj, "field": field}))


def test_the_tag_shows_the_mask_and_a_show_button_only_to_who_may_reveal(people, suzhou_report):
    refused = render_tag(people.shanghai, suzhou_report, "reporter_phone")
    allowed = render_tag(people.suzhou, suzhou_report, "reporter_phone")
    assert "138****8000" in refused and "<button" not in refused
    assert "138****8000" in allowed and "<button" in allowed and "13800138000" not in allowed
    assert not reveals().exists()


def test_many_reveals_in_a_short_time_are_a_security_event(settings, people, suzhou_report):
    settings.REVEAL_BURST_COUNT = 3
    for field in ("reporter_name", "reporter_phone", "reporter_email", "description"):
        personal_reveal(acting_user=people.suzhou, obj=suzhou_report, field=field)
    burst = AuditEntry.objects.get(action="core.security.reveal_burst")
    assert burst.actor_id == people.suzhou.pk and burst.data["reveals"] == 3
