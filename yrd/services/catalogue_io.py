"""The catalogue as tables a province can fill in and load at once (issue 6: the region published
138 cross-province services): items, the materials each asks for, and the competent authority per
province. Each kind is an XLSX or CSV file; an import is all rows or none (yrd.core.tables), written
through the catalogue's writes, and an export reads back as the same import."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.access import can
from yrd.core.apps import ORGANISATION_MANAGE
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.tables import (
    FORMATS,
    CellError,
    Column,
    ExportFile,
    blank,
    describe,
    parse_bool,
    parse_decimal,
    parse_integer,
    text,
    write_table,
)
from yrd.core.tables.importing import Importer, ImportResult, Step, run_import
from yrd.core.writes import organisation_create
from yrd.services.apps import CATALOGUE
from yrd.services.models import CompetentAuthority, Mode, RequiredMaterial, ServiceItem
from yrd.services.models.catalogue import FORMAT_CHOICES
from yrd.services.writes import authority_set, item_upsert, material_require, material_type_ensure

PROVINCES = ("310000", "320000", "330000", "340000")


def parse_audience(value):
    words = {"individual": "individual", "individuals": "individual", "个人": "individual", "enterprise": "enterprise",
             "enterprises": "enterprise", "企业": "enterprise", "法人": "enterprise"}  # fmt: skip
    if blank(value):
        return ""
    if isinstance(value, str) and value.strip().lower() in words:
        return words[value.strip().lower()]
    raise CellError(_("%(value)s is not individual or enterprise (个人 or 企业).") % {"value": describe(value)})


def _words(value) -> list[str]:
    if value is None:
        return []
    return [w for w in str(value).replace("；", ";").replace("，", ";").replace(",", ";").split(";") if w.strip()]


def parse_modes(value):
    modes = [w.strip().lower() for w in _words(value)]
    unknown = [m for m in modes if m not in Mode.values]
    if unknown:
        raise CellError(_("Unknown modes: %(modes)s; use online, remote, joint.") % {"modes": ", ".join(unknown)})
    return modes


def parse_formats(value):
    formats = [w.strip().lower().replace("jpg", "jpeg") for w in _words(value)] or ["pdf", "jpeg", "png"]
    unknown = [f for f in formats if f not in FORMAT_CHOICES]
    if unknown:
        raise CellError(_("Unknown formats: %(formats)s; use pdf, jpeg, png.") % {"formats": ", ".join(unknown)})
    return formats


def parse_province(value):
    if blank(value):
        return ""
    code = str(value).strip()
    code = code[:-2] if code.endswith(".0") else code
    if code not in PROVINCES:
        raise CellError(_("%(value)s is not a province adcode: 310000, 320000, 330000 or 340000.") % {"value": code})
    return code


def _code(value):
    code = text(40)(value)
    if code and not all(c.isascii() and (c.isalnum() or c in "-_") for c in code):
        raise CellError(_("A code has letters, digits, - and _ only."))
    return code


COLUMNS = {
    "items": (
        Column("code", _code, True, gettext_lazy("Item code, e.g. hukou-move; an existing code updates the item")),
        Column("name_zh", text(200), True, gettext_lazy("Name in Chinese")),
        Column("name_en", text(300), help=gettext_lazy("Name in English")),
        Column("audience", parse_audience, True, gettext_lazy("individual or enterprise (个人 / 企业)")),
        Column("category", text(60), help=gettext_lazy("Category")),
        Column("modes", parse_modes, True, gettext_lazy("Modes offered: online;remote;joint")),
        Column(
            "time_limit_days",
            lambda v: parse_integer(v, minimum=1, maximum=365),
            True,
            gettext_lazy("Legal time limit in working days"),
        ),  # fmt: skip
        Column(
            "fee_cny",
            lambda v: parse_decimal(v, max_digits=9, decimal_places=2, minimum=0),
            help=gettext_lazy("Fee in CNY; blank or 0 for free"),
        ),  # fmt: skip
        Column("source", text(120), help=gettext_lazy("Where the details are published")),
    ),
    "materials": (
        Column("item", _code, True, gettext_lazy("Item code")),
        Column("material_type", _code, True, gettext_lazy("Material type code, e.g. id-card")),
        Column("type_name_zh", text(100), True, gettext_lazy("Material name in Chinese")),
        Column("type_name_en", text(150), help=gettext_lazy("Material name in English")),
        Column("mandatory", parse_bool, True, gettext_lazy("yes or no")),
        Column("formats", parse_formats, help=gettext_lazy("pdf;jpeg;png (blank: all three)")),
        Column(
            "max_mb",
            lambda v: parse_integer(v, minimum=1, maximum=50) if v not in (None, "") else 10,
            help=gettext_lazy("Largest file in MB, 1-50 (blank: 10)"),
        ),  # fmt: skip
    ),
    "authorities": (
        Column("item", _code, True, gettext_lazy("Item code")),
        Column("province", parse_province, True, gettext_lazy("Province adcode")),
        Column("authority_zh", text(200), True, gettext_lazy("Competent authority's name in Chinese")),
        Column("authority_en", text(200), help=gettext_lazy("Its name in English")),
    ),
}
KINDS = tuple(COLUMNS)
KIND_NAMES = {
    "items": gettext_lazy("service items"),
    "materials": gettext_lazy("required materials"),
    "authorities": gettext_lazy("competent authorities"),
}


def may_import(user) -> bool:
    return can(user, CATALOGUE)


def import_file(*, acting_user, kind: str, data: bytes, dry_run: bool = False, progress=None) -> ImportResult:
    """Check and (unless dry_run or any error) write the rows of `data` (bytes of XLSX or CSV)."""
    result = ImportResult(kind=kind, dry_run=dry_run)
    importer = IMPORTERS[kind](acting_user, result.errors)
    kinds = {name: (str(KIND_NAMES[name]), COLUMNS[name]) for name in KINDS}
    return run_import(importer, data, result, other_kinds=kinds, progress=progress)


class CatalogueImporter(Importer):
    def __init__(self, acting_user, errors):
        super().__init__(acting_user, errors)
        self.columns = COLUMNS[self.kind]

    def items(self, codes) -> dict:
        return {i.code: i for i in ServiceItem.objects.filter(code__in=set(codes))}


class ItemImporter(CatalogueImporter):
    kind, key_columns = "items", ("code",)
    field_columns = {"online": "modes", "remote": "modes", "joint": "modes"}

    def prepare(self, rows):
        existing, steps, seen = self.items(v["code"] for _n, v in rows), [], {}
        for number, values in rows:
            if not self.first_seen(seen, values["code"], number, "code"):
                continue
            fields = _item_fields(values)
            item = existing.get(values["code"])
            if item is not None and all(_same(getattr(item, k), v) for k, v in fields.items()):
                steps.append(Step(number, "unchanged"))
                continue
            write = _bound(item_upsert, acting_user=self.user, code=values["code"], **fields)
            steps.append(Step(number, "updated" if item else "created", write, "code"))
        return steps


def _item_fields(values) -> dict:
    modes = values["modes"]
    return {
        "name_zh": values["name_zh"],
        "name_en": values["name_en"],
        "audience": values["audience"],
        "category": values["category"],
        "online": "online" in modes,
        "remote": "remote" in modes,
        "joint": "joint" in modes,
        "time_limit_days": values["time_limit_days"],
        "fee_cny": values["fee_cny"] or 0,
        "source": values["source"],
    }


def _same(stored, new) -> bool:
    return (stored or "") == (new or "") if isinstance(new, str) else stored == new


def _bound(function, **arguments):
    return lambda: function(**arguments)


class MaterialImporter(CatalogueImporter):
    kind, key_columns = "materials", ("item", "material_type")

    def prepare(self, rows):
        items, steps, seen = self.items(v["item"] for _n, v in rows), [], {}
        for number, values in rows:
            item = items.get(values["item"])
            if item is None:
                self.problem(number, "item", _("There is no service item %(code)s."), code=values["item"])
                continue
            if self.first_seen(seen, (values["item"], values["material_type"]), number, "material_type"):
                steps.append(Step(number, "created", self._write(item, values), "material_type"))
        return steps

    def _write(self, item, values):
        def write():
            material_type = material_type_ensure(
                acting_user=self.user,
                code=values["material_type"],
                name_zh=values["type_name_zh"],
                name_en=values["type_name_en"],
            )
            material_require(
                acting_user=self.user,
                item=item,
                material_type=material_type,
                mandatory=bool(values["mandatory"]),
                formats=values["formats"],
                max_mb=values["max_mb"],
            )

        return write


class AuthorityImporter(CatalogueImporter):
    kind, key_columns = "authorities", ("item", "province")

    def prepare(self, rows):
        items, steps, seen = self.items(v["item"] for _n, v in rows), [], {}
        provinces = {j.code: j for j in Jurisdiction.objects.filter(level=Jurisdiction.Level.PROVINCE)}
        for number, values in rows:
            item = items.get(values["item"])
            if item is None:
                self.problem(number, "item", _("There is no service item %(code)s."), code=values["item"])
                continue
            province = provinces[values["province"]]
            organisation = Organisation.objects.filter(
                name_zh=values["authority_zh"], jurisdiction__path__startswith=province.path
            ).first()
            if organisation is None and not can(self.user, ORGANISATION_MANAGE, province):
                self.problem(
                    number,
                    "authority_zh",
                    _("There is no organisation %(name)s in %(province)s, and you may not create one there."),
                    name=values["authority_zh"],
                    province=province.name,
                )
                continue
            if self.first_seen(seen, (values["item"], values["province"]), number, "province"):
                steps.append(Step(number, "created", self._write(item, province, organisation, values), "province"))
        return steps

    def _write(self, item, province, organisation, values):
        def write():
            found = organisation or organisation_create(
                acting_user=self.user,
                name_zh=values["authority_zh"],
                name_en=values["authority_en"],
                kind=Organisation.Kind.GOVERNMENT,
                jurisdiction=province,
            )
            authority_set(acting_user=self.user, item=item, province=province, organisation=found)

        return write


IMPORTERS = {"items": ItemImporter, "materials": MaterialImporter, "authorities": AuthorityImporter}


def _rows(kind: str) -> list:
    if kind == "items":
        return [
            [
                i.code,
                i.name_zh,
                i.name_en,
                i.audience,
                i.category,
                ";".join(m.value for m in i.modes),
                i.time_limit_days,
                i.fee_cny,
                i.source,
            ]  # fmt: skip
            for i in ServiceItem.objects.order_by("code")
        ]
    if kind == "materials":
        return [
            [
                r.item.code,
                r.material_type.code,
                r.material_type.name_zh,
                r.material_type.name_en,
                "yes" if r.mandatory else "no",
                ";".join(r.formats),
                r.max_mb,
            ]  # fmt: skip
            for r in RequiredMaterial.objects.select_related("item", "material_type").order_by("item__code", "pk")
        ]
    return [
        [a.item.code, a.province.code, a.organisation.name_zh, a.organisation.name_en]
        for a in CompetentAuthority.objects.select_related("item", "province", "organisation").order_by(
            "item__code", "province__code"
        )
    ]


def export_file(kind: str, fmt: str, *, template: bool = False) -> ExportFile:
    """The whole catalogue of `kind` (it is public), or an empty template, as XLSX or CSV."""
    rows = [] if template else _rows(kind)
    header = [column.name for column in COLUMNS[kind]]
    suffix = "template" if template else "catalogue"
    content = write_table(fmt, kind, header, rows)
    return ExportFile(f"yrd-services-{kind}-{suffix}.{fmt}", FORMATS[fmt], content, len(rows))
