"""An application's uploaded materials: their file names (which often carry the applicant's name or ID
number) are masked on the application page except for the applicant, revealed on request (audited) to
the officers handling it, and every download by someone other than the applicant is audited."""

from django.urls import reverse

from yrd.core.tests.factories import reveals
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import submit

NAME = "张三身份证310101.pdf"


def test_the_window_officer_sees_the_file_name_masked_and_the_applicant_in_full(client, world):
    application = submit(world, uploads=[("id-card", f.pdf(NAME))])
    url = reverse("services:application", args=[application.number])
    client.force_login(world.sh_officer)
    page = client.get(url).content.decode()
    assert NAME not in page and "/core/personal/reveal/services.Material/" in page
    client.force_login(world.applicant)
    assert NAME in client.get(url).content.decode()
    assert not reveals().exists()


def test_the_window_officer_reveals_the_file_name_and_it_is_audited(client, world):
    material = submit(world, uploads=[("id-card", f.pdf(NAME))]).materials.get()
    client.force_login(world.sh_officer)
    answer = client.post(reverse("core:personal-reveal", args=["services.Material", material.pk, "original_name"]))
    assert NAME in answer.content.decode()
    entry = reveals().get()
    assert (entry.actor_id, entry.data) == (world.sh_officer.pk, {"field": "original_name", "kind": "free_text"})


def test_another_windows_officer_may_not_reveal_the_file_name(client, world):
    material = submit(world, uploads=[("id-card", f.pdf(NAME))]).materials.get()
    client.force_login(world.sz_officer)
    answer = client.post(reverse("core:personal-reveal", args=["services.Material", material.pk, "original_name"]))
    assert answer.status_code == 403 and NAME not in answer.content.decode()
    assert not reveals().exists()


def test_an_officers_download_is_audited_and_the_applicants_own_is_not(client, world):
    material = submit(world, uploads=[("id-card", f.pdf(NAME))]).materials.get()
    url = reverse("services:material", args=[material.pk])
    client.force_login(world.applicant)
    assert client.get(url).status_code == 200
    assert not reveals().exists()
    client.force_login(world.sh_officer)
    assert client.get(url).status_code == 200
    entry = reveals().get()
    assert (entry.actor_id, entry.object_type, entry.object_id) == (
        world.sh_officer.pk,
        "services.Material",
        str(material.pk),
    )
    assert entry.data == {"field": "file", "kind": "document"} and NAME not in entry.object_repr


def test_a_refused_download_is_not_recorded(client, world):
    material = submit(world).materials.get()
    client.force_login(world.sz_officer)
    assert client.get(reverse("services:material", args=[material.pk])).status_code == 404
    assert not reveals().exists()
