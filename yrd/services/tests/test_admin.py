from django.urls import reverse

from yrd.core.tests.factories import UserFactory


def test_the_catalogue_admin_pages_open(client, world):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    for name in ("serviceitem", "application", "exchangerecord", "remoteslot", "servicefigure"):
        assert client.get(reverse(f"admin:services_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:services_serviceitem_change", args=[world.item.pk])).status_code == 200
