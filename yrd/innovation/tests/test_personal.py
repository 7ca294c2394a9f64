"""An expert not listed publicly is personal information: the registry export names them only to the
officers who keep the registry where they work, each name an audited reveal; a listed expert (who
agreed to be named) is exported without a reveal being recorded."""

from yrd.core.tables import write_csv
from yrd.core.tests.factories import person, reveals
from yrd.innovation.models import Expert
from yrd.innovation.tables import COLUMNS, export_file, import_file

EXPERTS = [c.name for c in COLUMNS["experts"]]


def experts(world):
    rows = [["张三", world.sh_lab.name_zh, "同步辐射", "no"], ["李四", world.sh_lab.name_zh, "材料", "yes"]]
    keeper = person("innovation_officer", "310000")
    import_file(acting_user=keeper, kind="experts", data=write_csv("experts", EXPERTS, rows))
    return keeper


def test_the_keeper_exports_an_unlisted_experts_name_and_the_reveal_is_audited(world):
    keeper = experts(world)
    exported = export_file("experts", "csv", reader=keeper).content.decode("utf-8-sig")
    assert "张三" in exported and "李四" in exported
    entry = reveals().get()
    assert (entry.actor_id, entry.object_id) == (keeper.pk, str(Expert.objects.get(name="张三").pk))
    assert entry.data == {"field": "name", "kind": "name"}


def test_an_officer_of_another_province_exports_only_the_listed_expert_and_nothing_is_recorded(world):
    experts(world)
    exported = export_file("experts", "csv", reader=world.js_officer).content.decode("utf-8-sig")
    assert "张三" not in exported and "李四" in exported
    assert not reveals().exists()
