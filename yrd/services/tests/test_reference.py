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
