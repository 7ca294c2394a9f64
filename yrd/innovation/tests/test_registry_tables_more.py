"""Import and export of cooperation projects (with milestones) and experts."""

from datetime import date

from django.urls import reverse

from yrd.core.tables import write_csv
from yrd.core.tests.factories import person
from yrd.innovation.models import CooperationProject, Expert, Milestone
from yrd.innovation.tables import COLUMNS, export_file, import_file

COOPERATION = [c.name for c in COLUMNS["cooperation"]]
EXPERTS = [c.name for c in COLUMNS["experts"]]


def project_row(title, lead, city="320500", stage="signed", milestones="签约|Signing|2026-02-01;中试|Pilot|2026-09-30"):
    return [title, "", "SG", "A*STAR", lead, city, stage, "1.07", milestones]


def test_cooperation_imports_all_or_nothing_naming_each_problem(world):
    data = write_csv("cooperation", COOPERATION, [
        project_row("中新智能制造合作", world.js_firm.name_zh),
        project_row("坏里程碑项目", world.js_firm.name_zh, milestones="只有标题"),
        project_row("无牵头单位项目", "不存在的单位"),
        project_row("错误阶段项目", world.js_firm.name_zh, stage="finished"),
    ])  # fmt: skip
    result = import_file(acting_user=world.js_officer, kind="cooperation", data=data)
    assert [(e.row, e.column) for e in result.errors] == [(3, "milestones"), (4, "lead"), (5, "stage")]
    assert not CooperationProject.objects.exists() and not Milestone.objects.exists()


def test_a_cooperation_export_re_imports_without_new_milestones(world):
    data = write_csv("cooperation", COOPERATION, [project_row("中新智能制造合作", world.js_firm.name_zh)])
    first = import_file(acting_user=world.js_officer, kind="cooperation", data=data)
    assert first.ok and first.created == 1
    exported = export_file("cooperation", "xlsx").content
    again = import_file(acting_user=world.js_officer, kind="cooperation", data=exported)
    assert again.ok and (again.created, again.updated) == (0, 1)
    project = CooperationProject.objects.get()
    assert project.stage == "signed" and project.plan_task == "1.07"
    assert [(m.title_zh, m.due_on) for m in project.milestones.all()] == [
        ("签约", date(2026, 2, 1)),
        ("中试", date(2026, 9, 30)),
    ]


def test_an_officer_imports_cooperation_only_within_the_province(world):
    data = write_csv("cooperation", COOPERATION, [project_row("杭州合作", world.zj_firm.name_zh, city="330100")])
    assert import_file(acting_user=world.js_officer, kind="cooperation", data=data).errors
    assert not CooperationProject.objects.exists()


def test_experts_import_update_and_stay_out_of_the_public_export_unless_listed(client, world):
    rows = [["张三", world.sh_lab.name_zh, "同步辐射, 材料", "no"], ["李四", world.sh_lab.name_zh, "光谱", "yes"]]
    assert import_file(acting_user=world.manager, kind="experts", data=write_csv("experts", EXPERTS, rows)).errors
    officer = person("innovation_officer", "310000")
    assert import_file(acting_user=officer, kind="experts", data=write_csv("experts", EXPERTS, rows)).created == 2
    rows[0][2] = "同步辐射"
    again = import_file(acting_user=officer, kind="experts", data=write_csv("experts", EXPERTS, rows))
    assert (again.created, again.updated) == (0, 2) and Expert.objects.get(name="张三").fields == "同步辐射"
    public = b"".join(client.get(reverse("innovation:registry-export", args=["experts", "csv"])).streaming_content)
    assert "李四" in public.decode("utf-8-sig") and "张三" not in public.decode("utf-8-sig")
    client.force_login(officer)
    kept = b"".join(client.get(reverse("innovation:registry-export", args=["experts", "csv"])).streaming_content)
    assert "张三" in kept.decode("utf-8-sig")


def test_a_private_expert_is_exported_only_to_the_officers_of_their_institutions_place(client, world):
    rows = [["张三", world.sh_lab.name_zh, "同步辐射", "no"]]
    import_file(
        acting_user=person("innovation_officer", "310000"), kind="experts", data=write_csv("experts", EXPERTS, rows)
    )
    client.force_login(world.js_officer)  # keeps the registry, in Jiangsu: 张三's name is not theirs to read
    other = b"".join(client.get(reverse("innovation:registry-export", args=["experts", "csv"])).streaming_content)
    assert "张三" not in other.decode("utf-8-sig")
    assert "张三" in export_file("experts", "csv", reader=person("innovation_officer", "YRD")).content.decode(
        "utf-8-sig"
    )


def test_an_officer_does_not_move_a_project_out_of_the_province_by_import(world):
    data = write_csv("cooperation", COOPERATION, [project_row("中新智能制造合作", world.js_firm.name_zh)])
    assert import_file(acting_user=world.js_officer, kind="cooperation", data=data).ok
    moved = write_csv(
        "cooperation", COOPERATION, [project_row("中新智能制造合作", world.js_firm.name_zh, city="330100")]
    )
    assert import_file(acting_user=world.js_officer, kind="cooperation", data=moved).errors
    assert CooperationProject.objects.get().city.code == "320500"
