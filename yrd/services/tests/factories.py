"""Catalogue items, windows, files and personas for the services tests (other apps may import)."""

import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from stdnum.cn import ric

from yrd.core.models import Organisation
from yrd.core.tests.factories import EnterpriseFactory, OrganisationFactory, jurisdiction, person
from yrd.services import writes
from yrd.services.models import Application, CompetentAuthority, MaterialType, Mode, RequiredMaterial, ServiceItem

PROVINCES = ("310000", "320000", "330000", "340000")
CAPITALS = {"310000": "310000", "320000": "320100", "330000": "330100", "340000": "340100"}
_serial = itertools.count(1)


def make_ric(place="310101", birth="19900307", seq=None):
    """A valid resident ID number (place and birth date real, check digit computed)."""
    body = f"{place}{birth}{seq or next(_serial) % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def material_type(code, name_zh=None):
    return MaterialType.objects.get_or_create(code=code, defaults={"name_zh": name_zh or code, "name_en": code})[0]


def authority(province_code, name=None):
    return OrganisationFactory(
        jurisdiction=jurisdiction(CAPITALS[province_code], "city" if province_code != "310000" else "province"),
        name_zh=name or f"{province_code}主管部门{next(_serial)}",
    )


def service_item(
    code=None,
    *,
    audience=ServiceItem.Audience.INDIVIDUAL,
    online=True,
    remote=True,
    joint=True,
    time_limit_days=10,
    provinces=PROVINCES,
    authorities=None,
):
    """An item with an ID card copy (mandatory, PDF/JPEG/PNG, 2 MB) and a photo (optional,
    JPEG/PNG) and a competent authority in each of `provinces`."""
    item = ServiceItem.objects.create(
        code=code or f"item-{next(_serial)}",
        name_zh="测试事项",
        name_en="Test service",
        audience=audience,
        online=online,
        remote=remote,
        joint=joint,
        time_limit_days=time_limit_days,
    )
    RequiredMaterial.objects.create(
        item=item,
        material_type=material_type("id-card", "身份证复印件"),
        mandatory=True,
        formats=["pdf", "jpeg", "png"],
        max_mb=2,
    )
    RequiredMaterial.objects.create(
        item=item,
        material_type=material_type("photo", "照片"),
        mandatory=False,
        formats=["jpeg", "png"],
        max_mb=1,
    )
    authorities = authorities or {}
    for code_ in provinces:
        organisation = authorities.get(code_) or authority(code_)
        authorities[code_] = organisation
        CompetentAuthority.objects.create(
            item=item, province=jurisdiction(code_, "province"), organisation=organisation
        )
    item.authority_orgs = authorities
    return item


def window(city="310000", name=None):
    return OrganisationFactory(
        jurisdiction=jurisdiction(city, "city"),
        kind=Organisation.Kind.GOVERNMENT,
        name_zh=name or f"{city}长三角专窗{next(_serial)}",
    )


def window_officer(window_org):
    return person("service_officer", window_org.jurisdiction.code, organisation=window_org)


def handling_officer(province_code, organisation=None):
    return person("handling_officer", province_code, organisation=organisation)


def enterprise(city="310000"):
    return EnterpriseFactory(jurisdiction=jurisdiction(city, "city"))


def application(item, applicant, *, mode=Mode.REMOTE, window=None, handling=None, uploads=None, key=None, **fields):
    """Zhang San's application for `item`, submitted by `applicant`: at `window` (online without one),
    handled in Anhui and with a scan of the ID card unless told otherwise."""
    draft = writes.ApplicationDraft(
        item=item,
        mode=mode,
        applicant_kind=fields.pop("applicant_kind", "person"),
        applicant_name=fields.pop("applicant_name", "张三"),
        applicant_id_number=fields.pop("applicant_id_number", "310101199003070019"),
        channel=Application.Channel.ONLINE if window is None else Application.Channel.WINDOW,
        receiving_window=window,
        handling=tuple(handling or [jurisdiction("340000", "province")]),
        uploads=tuple([("id-card", pdf())] if uploads is None else uploads),
        **fields,
    )
    return writes.application_submit(acting_user=applicant, draft=draft, idempotency_key=key)


# --- files --------------------------------------------------------------------------------------


def pdf(name="scan.pdf", size=600):
    body = b"%PDF-1.4\n" + b"0" * max(0, size - 9)
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png(name="photo.png", size=200):
    body = b"\x89PNG\r\n\x1a\n" + b"\0" * max(0, size - 8)
    return SimpleUploadedFile(name, body, content_type="image/png")


def disguised(name="scan.pdf"):
    """An executable wearing a PDF's name and content type."""
    return SimpleUploadedFile(name, b"MZ\x90\x00" + b"\0" * 100, content_type="application/pdf")


def oversized(name="huge.pdf", mb=3):
    return pdf(name, size=mb * 2**20 + 1)


def raw(upload):
    upload.seek(0)
    return io.BytesIO(upload.read())
