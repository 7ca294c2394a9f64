"""A province loads its catalogue from XLSX or CSV (issue 6: the catalogue could only be filled in
the admin): all rows or none, every problem named by row and column; an export reads back."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.core.models import AuditEntry, Organisation
from yrd.core.tests.factories import jurisdiction, person
from yrd.services.catalogue_io import export_file, import_file
from yrd.services.models import CompetentAuthority, RequiredMaterial, ServiceItem

ITEMS = (
    "code,name_zh,name_en,audience,category,modes,time_limit_days,fee_cny,source\n"
    "hukou-move,户口迁移,Household registration transfer,个人,户籍,online;remote;joint,20,0,测试来源\n"
    "pension-transfer,养老保险关系转移,Pension insurance transfer,individual,社保,online,15,,\n"
)
MATERIALS = (
    "item,material_type,type_name_zh,type_name_en,mandatory,formats,max_mb\n"
    "hukou-move,id-card,居民身份证,Resident ID card,是,pdf;jpg,5\n"
    "hukou-move,hukou-booklet,户口簿,Household register,yes,,\n"
)
AUTHORITIES = (
    "item,province,authority_zh,authority_en\n"
    "hukou-move,310000,上海市公安局,Shanghai Public Security Bureau\n"
    "hukou-move,340000,安徽省公安厅,Anhui Public Security Department\n"
)


@pytest.fixture
def admin(reference):
    """A catalogue administrator of the region who may also create organisations."""
    from yrd.core.models import Role, RoleAssignment

    someone = person("catalogue_admin", "YRD")
    role = Role.objects.create(
        code="org_admin_test", name_zh="组织管理", name_en="Org admin", actions=["core.organisation.manage"]
    )
    RoleAssignment.objects.create(user=someone, role=role, jurisdiction=jurisdiction("YRD", "region"))
    return someone


def load(admin, kind, text, **options):
    return import_file(acting_user=admin, kind=kind, data=text.encode("utf-8"), **options)


def test_a_province_loads_items_materials_and_authorities(admin):
    assert load(admin, "items", ITEMS).created == 2
    assert load(admin, "materials", MATERIALS).ok
    assert load(admin, "authorities", AUTHORITIES).ok
    item = ServiceItem.objects.get(code="hukou-move")
    assert (item.time_limit_days, [m.value for m in item.modes], item.demo_details) == (
        20,
        ["online", "remote", "joint"],
        False,
    )
    id_card = RequiredMaterial.objects.get(item=item, material_type__code="id-card")
    assert (id_card.mandatory, id_card.formats, id_card.max_mb) == (True, ["pdf", "jpeg"], 5)
    assert CompetentAuthority.objects.get(item=item, province__code="340000").organisation.name_zh == "安徽省公安厅"
    assert AuditEntry.objects.filter(action="services.catalogue.item").count() == 2


def test_one_bad_row_imports_nothing_and_every_problem_is_named(admin):
    bad = ITEMS + "bad code!,坏,,,,teleport,0,-3,\n"
    result = load(admin, "items", bad)
    assert not result.ok and ServiceItem.objects.count() == 0
    named = {(e.row, e.column) for e in result.errors}
    assert {(4, "code"), (4, "audience"), (4, "modes"), (4, "time_limit_days"), (4, "fee_cny")} <= named


def test_materials_of_an_unknown_item_are_refused(admin):
    result = load(admin, "materials", MATERIALS)
    assert not result.ok and {e.column for e in result.errors} == {"item"}


def test_a_file_of_another_kind_is_named_as_such(admin):
    result = load(admin, "materials", ITEMS)
    assert "service items" in result.errors[0].reason


def test_an_authority_that_does_not_exist_needs_the_right_to_create_it(reference):
    someone = person("catalogue_admin", "YRD")
    load(someone, "items", ITEMS)
    result = load(someone, "authorities", AUTHORITIES)
    assert not result.ok and "you may not create one there" in result.errors[0].reason
    assert not Organisation.objects.filter(name_zh="安徽省公安厅").exists()


def test_only_catalogue_administrators_import(reference):
    result = load(person("applicant", "YRD"), "items", ITEMS)
    assert not result.ok and ServiceItem.objects.count() == 0


def test_an_export_imports_back_unchanged(admin):
    load(admin, "items", ITEMS), load(admin, "materials", MATERIALS), load(admin, "authorities", AUTHORITIES)
    for kind in ("items", "materials", "authorities"):
        for fmt in ("xlsx", "csv"):
            again = import_file(acting_user=admin, kind=kind, data=export_file(kind, fmt).content, dry_run=True)
            assert again.ok, (kind, fmt, again.errors)
    assert import_file(acting_user=admin, kind="items", data=export_file("items", "csv").content).unchanged == 2


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_clear_error_and_write_nothing(admin, data):
    result = import_file(acting_user=admin, kind="items", data=data)
    assert not result.ok or result.rows == 0 or ServiceItem.objects.exists()
    if not result.ok:
        assert ServiceItem.objects.count() == 0 and all(e.reason for e in result.errors)


def test_the_import_page_lists_the_problems_and_the_catalogue_is_downloadable(client, admin):
    client.force_login(admin)
    upload = io.BytesIO((ITEMS + "x,,,,,,,,\n").encode())
    upload.name = "items.csv"
    page = client.post(reverse("services:catalogue-import"), {"kind": "items", "file": upload})
    assert page.status_code == 400 and "Nothing was imported" in page.content.decode()
    client.logout()
    exported = client.get(reverse("services:catalogue-export", args=["items", "csv"]))
    assert exported.status_code == 200 and exported["Content-Disposition"].startswith("attachment")


def test_the_import_page_is_refused_to_others(client, reference):
    client.force_login(person("applicant", "YRD"))
    assert client.get(reverse("services:catalogue-import")).status_code == 403


def test_the_api_imports_and_lists_problems(client, admin):
    client.force_login(admin)
    upload = io.BytesIO(ITEMS.encode())
    upload.name = "items.csv"
    done = client.post("/api/services/catalogue/import/items", {"file": upload})
    assert done.status_code == 200 and done.json()["created"] == 2
    upload = io.BytesIO(MATERIALS.replace("hukou-move", "nothing").encode())
    upload.name = "m.csv"
    refused = client.post("/api/services/catalogue/import/materials", {"file": upload})
    assert refused.status_code == 400 and json.loads(refused.content)["errors"][0]["column"] == "item"
    client.force_login(person("applicant", "YRD"))
    upload.seek(0)
    assert client.post("/api/services/catalogue/import/materials", {"file": upload}).status_code == 403


def test_the_command_imports_as_a_named_administrator(admin, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(ITEMS, encoding="utf-8")
    call_command("services_catalogue_import", str(path), "--kind", "items", "--user", admin.username)
    assert ServiceItem.objects.count() == 2
    path.write_text(ITEMS + "x,,,,,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("services_catalogue_import", str(path), "--kind", "items", "--user", admin.username)
