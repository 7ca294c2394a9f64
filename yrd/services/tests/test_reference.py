from yrd.services.models import ServiceFigure, ServiceItem
from yrd.services.reference import load_reference


def test_the_published_figures_and_the_named_services_are_loaded_and_reloading_changes_nothing(
    reference,
):
    first = load_reference()
    assert first["published figures"] == 24 and first["new items"] == 8
    assert load_reference()["new items"] == 0
    assert ServiceFigure.objects.count() == 24
    hukou = ServiceItem.objects.get(code="hukou-transfer")
    assert hukou.name_zh == "跨省户口迁移" and hukou.source.startswith("SV13")
    assert hukou.time_limit_days is None and not hukou.modes  # not in the public record
    assert ServiceFigure.objects.get(service_id="SV07").value == "567"


def test_an_administrators_details_survive_a_reload(reference):
    load_reference()
    ServiceItem.objects.filter(code="hukou-transfer").update(time_limit_days=20, joint=True)
    load_reference()
    assert ServiceItem.objects.get(code="hukou-transfer").time_limit_days == 20


def test_every_catalogue_entry_names_its_source_with_a_link(client, reference):
    from yrd.services.figures import source_list
    from yrd.services.models import ServiceItem
    from yrd.services.reference import load_reference

    load_reference()
    for item in ServiceItem.objects.all():
        sources = source_list(item.source)
        assert sources and all(s.url.startswith("http") and s.name != "unnamed source" for s in sources), item.source
    page = client.get("/services/").content.decode()
    assert "unnamed source" not in page and "AH_DAILY" not in page and "SV0" not in page
