"""Network edits in the admin: each change is audited, a bad value is refused on its field, and the next
route is computed with the new value."""

import pytest
from django.contrib.auth import get_user_model

from yrd.core.models import AuditEntry
from yrd.transport.models import ModeParameter
from yrd.transport.routing.parameters import is_assumed

pytestmark = pytest.mark.django_db


def form(row, **changes) -> dict:
    fields = ["mode", "speed_kmh", "speed_source", "cost_per_tkm", "cost_source", "co2_kg_per_tkm", "co2_source"]
    data = {name: str(getattr(row, name)) for name in fields} | {"max_tonnes": ""}
    if row.carries_dangerous_goods:
        data["carries_dangerous_goods"] = "on"
    return data | changes


@pytest.fixture
def staff(client, world):
    admin = get_user_model().objects.create_superuser("netadmin", "netadmin@example.org", "x-Very-long-pass-1")
    client.force_login(admin)
    return admin


def test_a_parameter_changed_in_the_admin_is_audited_and_carries_its_new_source(client, world, staff):
    sea = ModeParameter.objects.get(mode="sea")
    url = f"/admin/transport/modeparameter/{sea.pk}/change/"
    response = client.post(url, form(sea, speed_kmh="27", speed_source="Carrier timetable 2026, route X"))
    assert response.status_code == 302
    sea.refresh_from_db()
    assert sea.speed_kmh == 27 and not is_assumed(sea.speed_source)
    entry = AuditEntry.objects.get(action="core.admin.change")
    assert entry.actor_id == staff.pk


def test_a_negative_speed_is_refused_on_its_field_and_nothing_is_written(client, world, staff):
    sea = ModeParameter.objects.get(mode="sea")
    response = client.post(f"/admin/transport/modeparameter/{sea.pk}/change/", form(sea, speed_kmh="-5"))
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    sea.refresh_from_db()
    assert sea.speed_kmh == 25
    assert not AuditEntry.objects.filter(action="core.admin.change").exists()
