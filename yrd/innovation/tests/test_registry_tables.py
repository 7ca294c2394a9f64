from datetime import date

from django.urls import reverse

from yrd.core.tables import write_csv
from yrd.innovation.models import Centre, Recognition
from yrd.innovation.tables import COLUMNS, export_file, import_file

HEADER = [c.name for c in COLUMNS["centres"]]


def centre_row(name, lead, city="320100", kind="joint_lab", members=""):
    return [kind, name, "", lead, city, "材料", "", "", members, "2024-03-01", "yes"]


def test_centres_import_all_or_nothing_naming_each_problem(world):
    data = write_csv("centres", HEADER, [
        centre_row("长三角材料联合实验室", world.sh_lab.name_zh),
        centre_row("无牵头单位实验室", "不存在的单位"),
        centre_row("城市错误实验室", world.sh_lab.name_zh, city="999999"),
    ])  # fmt: skip
    result = import_file(acting_user=world.js_officer, kind="centres", data=data)
    assert [(e.row, e.column) for e in result.errors] == [(3, "lead"), (4, "city")]
    assert not Centre.objects.exists()


def test_an_officer_imports_only_within_the_province(world):
    data = write_csv("centres", HEADER, [centre_row("杭州实验室", world.sh_lab.name_zh, city="330100")])
    result = import_file(acting_user=world.js_officer, kind="centres", data=data)
    assert result.errors and not Centre.objects.exists()
    ok = import_file(acting_user=world.zj_officer, kind="centres", data=data)
    assert ok.ok and ok.created == 1


def test_an_export_re_imports_unchanged_in_count(world):
    import_file(
        acting_user=world.js_officer,
        kind="centres",
        data=write_csv(
            "centres", HEADER, [centre_row("南京联合实验室", world.sh_lab.name_zh, members=world.hf_lab.name_zh)]
        ),
    )
    exported = export_file("centres", "csv").content
    again = import_file(acting_user=world.js_officer, kind="centres", data=exported)
    assert again.ok and (again.created, again.updated) == (0, 1) and Centre.objects.count() == 1
    assert list(Centre.objects.get().members.all()) == [world.hf_lab]


def test_recognitions_import_and_a_repeat_is_unchanged(world):
    header = [c.name for c in COLUMNS["recognitions"]]
    data = write_csv(
        "recognitions", header, [["高级工程师", "Senior engineer", "310000", "320000", "2024-01-01", "协议"]]
    )
    first = import_file(acting_user=world.js_officer, kind="recognitions", data=data)
    again = import_file(acting_user=world.js_officer, kind="recognitions", data=data)
    assert (first.created, again.unchanged) == (1, 1) and Recognition.objects.get().since == date(2024, 1, 1)


def test_the_import_page_refuses_a_firm(client, world):
    client.force_login(world.js_firm_user)
    assert client.get(reverse("innovation:registry-import")).status_code == 403
    client.force_login(world.js_officer)
    assert client.get(reverse("innovation:registry-import")).status_code == 200


def test_private_centres_are_left_out_of_a_public_export(client, world):
    data = write_csv("centres", HEADER, [centre_row("内部实验室", world.sh_lab.name_zh)[:-1] + ["no"]])
    import_file(acting_user=world.js_officer, kind="centres", data=data)
    public = client.get(reverse("innovation:registry-export", args=["centres", "csv"]))
    assert "内部实验室" not in b"".join(public.streaming_content).decode("utf-8-sig")
    client.force_login(world.js_officer)
    kept = client.get(reverse("innovation:registry-export", args=["centres", "csv"]))
    assert "内部实验室" in b"".join(kept.streaming_content).decode("utf-8-sig")
