"""Free text on the matching board (a need's note, a contact's message) may name a person: it is masked
on the need page, and shown in full only on request (audited) to those who need it — the posting
enterprise and its officials for a note, the two enterprises for a message."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from yrd.core.tests.factories import reveal, reveals
from yrd.industry import writes

from . import factories as f

pytestmark = pytest.mark.django_db
NOTE = "请联系王经理 13912345678"


@pytest.fixture
def posted(world):
    return writes.need_post(
        acting_user=world.hefei_officer, customer=world.hefei_oem, component=f.component("battery-pack"),
        volume=Decimal(10000), needed_by=date(2026, 6, 30), note=NOTE,
    )  # fmt: skip


def test_another_enterprise_on_the_board_sees_the_note_masked_and_may_not_reveal_it(client, world, posted):
    client.force_login(world.suzhou_officer)
    page = client.get(reverse("industry:need", args=[posted.pk])).content.decode()
    assert NOTE not in page and "****" in page and "/core/personal/reveal/" not in page
    assert reveal(world.suzhou_officer, posted, "note").status_code == 403
    assert not reveals().exists()


@pytest.mark.parametrize("who", ["hefei_officer", "region"])
def test_the_posting_enterprise_and_the_officials_reveal_the_note_audited(client, world, posted, who):
    client.force_login(getattr(world, who))
    page = client.get(reverse("industry:need", args=[posted.pk])).content.decode()
    assert NOTE not in page and f"/core/personal/reveal/industry.Need/{posted.pk}/note/" in page
    assert NOTE in reveal(getattr(world, who), posted, "note").content.decode()
    entry = reveals().get()
    assert (entry.actor_id, entry.data) == (getattr(world, who).pk, {"field": "note", "kind": "free_text"})


def test_an_official_of_another_province_may_not_reveal_the_note(client, world, posted):
    assert reveal(world.jiangsu, posted, "note").status_code == 403
    assert not reveals().exists()


def test_a_contacts_message_is_revealed_to_both_enterprises_and_not_to_officials(client, world, posted):
    contact = writes.contact_record(
        acting_user=world.hefei_officer, need=posted, supplier=world.ningbo_pack, message="王经理 13912345678"
    )
    client.force_login(world.hefei_officer)
    assert "13912345678" not in client.get(reverse("industry:need", args=[posted.pk])).content.decode()
    for allowed in (world.hefei_officer, world.ningbo_officer):
        assert "13912345678" in reveal(allowed, contact, "message").content.decode()
    for refused in (world.region, world.suzhou_officer):
        assert reveal(refused, contact, "message").status_code == 403
    assert sorted(reveals().values_list("actor_id", flat=True)) == sorted(
        [world.hefei_officer.pk, world.ningbo_officer.pk]
    )
