from django.urls import reverse

from yrd.core.tests.factories import UserFactory


def test_the_catalogue_admin_pages_open(client, world):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    for name in ("serviceitem", "application", "exchangerecord", "remoteslot", "servicefigure"):
        assert client.get(reverse(f"admin:services_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:services_serviceitem_change", args=[world.item.pk])).status_code == 200


def test_applications_and_exchange_records_cannot_be_deleted_or_changed_in_the_admin(client, world):
    from yrd.services.models import Application, ExchangeRecord
    from yrd.services.tests.conftest import forwarded

    application = forwarded(world)
    record = ExchangeRecord.objects.get(application=application)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert (
        client.post(reverse("admin:services_application_delete", args=[application.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert (
        client.post(reverse("admin:services_exchangerecord_delete", args=[record.pk]), {"post": "yes"}).status_code
        == 403
    )
    bulk = {"action": "delete_selected", "_selected_action": [application.pk], "post": "yes"}
    client.post(reverse("admin:services_application_changelist"), bulk)
    assert (
        Application.objects.filter(pk=application.pk).exists() and ExchangeRecord.objects.filter(pk=record.pk).exists()
    )
