"""After a form error the browser sits on a POST-only URL; a GET there (reload, language switch,
bookmark) goes back to the page of the form."""

import pytest
from django.urls import reverse

from yrd.services.tests.conftest import submit


def test_opening_the_apply_url_goes_to_the_item_page(client, world):
    client.force_login(world.applicant)
    response = client.get(reverse("services:apply", args=[world.item.code]))
    assert response.status_code == 302
    assert response.url == reverse("services:item", args=[world.item.code])


def test_opening_an_action_url_goes_to_the_application_page(client, world):
    application = submit(world)
    client.force_login(world.sh_officer)
    response = client.get(reverse("services:act", args=[application.number, "receive"]))
    assert response.status_code == 302
    assert response.url == reverse("services:application", args=[application.number])


@pytest.mark.parametrize(
    "name, args",
    [
        ("services:remote-book", []),
        ("services:remote-slot-publish", []),
        ("services:remote-slot-cancel", [1]),
        ("services:remote-act", [1, "start"]),
    ],
)
def test_opening_a_remote_window_action_url_goes_to_the_remote_window(client, world, name, args):
    client.force_login(world.sh_officer)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and response.url == reverse("services:remote")


def test_other_methods_are_still_not_allowed(client, world):
    client.force_login(world.applicant)
    assert client.put(reverse("services:apply", args=[world.item.code])).status_code == 405
