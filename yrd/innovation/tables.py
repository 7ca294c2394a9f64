"""The registry as tables officials exchange (XLSX or CSV): centres, laboratories and consortia,
international cooperation projects with their milestones, experts, and mutually recognised
qualifications, imported all rows or none through the registry's writes (yrd.core.tables), and
exported so that an export re-imports unchanged; shared instruments are exported too."""

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.models import Jurisdiction, Organisation
from yrd.core.personal.reveal import shown
from yrd.core.tables import (
    FORMATS,
    CellError,
    Column,
    ExportFile,
    blank,
    describe,
    parse_bool,
    parse_date,
    text,
    write_table,
)
from yrd.core.tables.importing import Importer, ImportResult, Step, run_import
from yrd.innovation import writes
from yrd.innovation.models import Centre, CooperationProject, Expert, Instrument, Recognition
from yrd.innovation.selectors import registry as registry_selectors

KIND_WORDS = {
    "rd_centre": "rd_centre", "研发中心": "rd_centre",
    "joint_lab": "joint_lab", "联合实验室": "joint_lab",
    "consortium": "consortium", "创新联合体": "consortium",
}  # fmt: skip


def parse_kind(value):
    if blank(value):
        return ""
    word = str(value).strip().lower()
    if word not in KIND_WORDS:
        raise CellError(
            _("%(value)s is not rd_centre, joint_lab or consortium (研发中心、联合实验室、创新联合体).")
            % {"value": describe(value)}
        )
    return KIND_WORDS[word]


def parse_code(value):
    if blank(value):
        return ""
    code = str(value).strip()
    code = code[:-2] if code.endswith(".0") else code
    if not (len(code) == 6 and code.isdigit()):
        raise CellError(_("%(value)s is not a six-digit adcode.") % {"value": describe(value)})
    return code


PARTNERS = {"sg": "SG", "singapore": "SG", "新加坡": "SG", "fi": "FI", "finland": "FI", "芬兰": "FI",
            "other": "other", "其他": "other"}  # fmt: skip
STAGES = {value: value for value in CooperationProject.Stage.values} | {
    "拟议": "proposed",
    "已签约": "signed",
    "实施中": "underway",
    "已完成": "completed",
}


def _choice(words: dict, allowed: str):
    def parse(value):
        if blank(value):
            return ""
        word = str(value).strip().lower()
        if word not in words:
            raise CellError(_("%(value)s is not one of: %(allowed)s.") % {"value": describe(value), "allowed": allowed})
        return words[word]

    return parse


def parse_milestones(value):
    """'title zh|title en|YYYY-MM-DD; ...' (the English title may be empty)."""
    if blank(value):
        return ()
    found = []
    for n, part in enumerate([p for p in str(value).replace("；", ";").split(";") if p.strip()], 1):
        pieces = [p.strip() for p in part.split("|")]
        if len(pieces) != 3 or not pieces[0]:
            raise CellError(_("Milestone %(n)d: write 'title in Chinese|title in English|YYYY-MM-DD'.") % {"n": n})
        try:
            due = parse_date(pieces[2])
        except CellError as error:
            raise CellError(_("Milestone %(n)d: %(why)s") % {"n": n, "why": error}) from error
        if due is None:
            raise CellError(_("Milestone %(n)d: give its due date.") % {"n": n})
        found.append((pieces[0], pieces[1], due))
    return tuple(found)


def parse_names(value):
    if blank(value):
        return []
    return [w.strip() for w in str(value).replace("；", ";").split(";") if w.strip()]


COLUMNS = {
    "centres": (
        Column("kind", parse_kind, True, gettext_lazy("rd_centre, joint_lab or consortium")),
        Column("name_zh", text(200), True, gettext_lazy("Name in Chinese; an existing name updates the row")),
        Column("name_en", text(200), help=gettext_lazy("Name in English")),
        Column("lead", text(200), True, gettext_lazy("Lead organisation's registered Chinese name")),
        Column("city", parse_code, True, gettext_lazy("City adcode, e.g. 320100")),
        Column("field", text(80), True, gettext_lazy("Field")),
        Column("partner", text(200), help=gettext_lazy("Fortune 500 firm or research institute, if any")),
        Column("major_task", text(300), help=gettext_lazy("Consortia: the major task they attack")),
        Column("members", parse_names, help=gettext_lazy("Member organisations' Chinese names, separated by ;")),
        Column("established_on", parse_date, help=gettext_lazy("Date established")),
        Column("public", lambda v: True if blank(v) else parse_bool(v), help=gettext_lazy("yes or no (blank: yes)")),
    ),
    "cooperation": (
        Column("title_zh", text(200), True, gettext_lazy("Title in Chinese; an existing title updates the row")),
        Column("title_en", text(200), help=gettext_lazy("Title in English")),
        Column("partner_country", _choice(PARTNERS, "SG, FI, other"), True, gettext_lazy("SG, FI or other")),
        Column("partner_name", text(200), True, gettext_lazy("The partner institution")),
        Column("lead", text(200), True, gettext_lazy("Lead organisation's registered Chinese name")),
        Column("city", parse_code, True, gettext_lazy("City adcode, e.g. 320500")),
        Column(
            "stage",
            _choice(STAGES, "proposed, signed, underway, completed"),
            True,
            gettext_lazy("proposed, signed, underway or completed (never back to an earlier one)"),
        ),
        Column("plan_task", text(8), help=gettext_lazy("Plan task code, e.g. 1.07")),
        Column(
            "milestones",
            parse_milestones,
            help=gettext_lazy("title in Chinese|title in English|YYYY-MM-DD, separated by ;"),
        ),
    ),
    "experts": (
        Column("name", text(60), True, gettext_lazy("Name; with the institution, an existing expert updates the row")),
        Column("institution", text(200), True, gettext_lazy("Institution's registered Chinese name")),
        Column("fields", text(300), True, gettext_lazy("Fields: keywords separated by commas")),
        Column(
            "public",
            lambda v: False if blank(v) else parse_bool(v),
            help=gettext_lazy("yes if the expert agreed to be listed publicly (blank: no)"),
        ),
    ),
    "recognitions": (
        Column("name_zh", text(200), True, gettext_lazy("Qualification in Chinese")),
        Column("name_en", text(200), help=gettext_lazy("Qualification in English")),
        Column("issued_in", parse_code, True, gettext_lazy("Province adcode where it is certified")),
        Column("accepted_in", parse_code, True, gettext_lazy("Province adcode that accepts it")),
        Column("since", parse_date, True, gettext_lazy("Accepted since")),
        Column("basis", text(300), True, gettext_lazy("The agreement or notice, with its source")),
    ),
}
KINDS = tuple(COLUMNS)
KIND_NAMES = {
    "centres": gettext_lazy("centres, laboratories and consortia"),
    "cooperation": gettext_lazy("international cooperation projects"),
    "experts": gettext_lazy("experts"),
    "recognitions": gettext_lazy("recognised qualifications"),
}
EXPORTS = (*KINDS, "instruments")


def import_file(*, acting_user, kind: str, data: bytes, dry_run: bool = False, progress=None) -> ImportResult:
    result = ImportResult(kind=kind, dry_run=dry_run)
    importer = IMPORTERS[kind](acting_user, result.errors)
    kinds = {name: (str(KIND_NAMES[name]), COLUMNS[name]) for name in KINDS}
    return run_import(importer, data, result, other_kinds=kinds, progress=progress)


def _jurisdictions(level: str) -> dict[str, Jurisdiction]:
    return {j.code: j for j in Jurisdiction.objects.filter(level=level)}


class CentreImporter(Importer):
    kind, key_columns, columns = "centres", ("name_zh",), COLUMNS["centres"]
    field_columns = {"organisation": "lead", "members": "members"}

    def prepare(self, rows):
        cities = _jurisdictions("city")
        names = {n for _r, v in rows for n in [v["lead"], *v["members"]] if n}
        organisations = {o.name_zh: o for o in Organisation.objects.filter(name_zh__in=names)}
        existing = {c.name_zh: c for c in Centre.objects.filter(name_zh__in=[v["name_zh"] for _r, v in rows])}
        steps, seen = [], {}
        for number, values in rows:
            if not self.first_seen(seen, values["name_zh"], number, "name_zh"):
                continue
            data = self._data(number, values, cities, organisations)
            if data is None:
                continue
            centre = existing.get(values["name_zh"])
            write = partial(writes.centre_save, acting_user=self.user, data=data, centre=centre)
            steps.append(Step(number, "updated" if centre else "created", write, "name_zh"))
        return steps

    def _data(self, number, values, cities, organisations):
        ok = True
        if values["city"] not in cities:
            self.problem(number, "city", _("%(code)s is not one of the 41 cities."), code=values["city"])
            ok = False
        for name in [values["lead"], *values["members"]]:
            if name and name not in organisations:
                column = "lead" if name == values["lead"] else "members"
                self.problem(number, column, _("No organisation is registered as %(name)s."), name=name)
                ok = False
        if not ok:
            return None
        return writes.CentreInput(
            kind=values["kind"], name_zh=values["name_zh"], name_en=values["name_en"],
            organisation=organisations[values["lead"]], city=cities[values["city"]], field=values["field"],
            partner=values["partner"], major_task=values["major_task"],
            members=tuple(organisations[n] for n in values["members"]), established_on=values["established_on"],
            is_public=values["public"],
        )  # fmt: skip


class RecognitionImporter(Importer):
    kind, key_columns, columns = "recognitions", ("name_zh", "issued_in", "accepted_in"), COLUMNS["recognitions"]

    def prepare(self, rows):
        provinces = _jurisdictions("province")
        steps, seen = [], {}
        for number, values in rows:
            key = (values["name_zh"], values["issued_in"], values["accepted_in"])
            if not self.first_seen(seen, key, number, "name_zh"):
                continue
            missing = [c for c in ("issued_in", "accepted_in") if values[c] not in provinces]
            for column in missing:
                self.problem(number, column, _("%(code)s is not a province of the region."), code=values[column])
            if missing:
                continue
            if Recognition.objects.filter(
                name_zh=values["name_zh"], issued_in=provinces[values["issued_in"]],
                accepted_in=provinces[values["accepted_in"]],
            ).exists():  # fmt: skip
                steps.append(Step(number, "unchanged"))
                continue
            write = partial(
                writes.recognition_save, acting_user=self.user, name_zh=values["name_zh"], name_en=values["name_en"],
                issued_in=provinces[values["issued_in"]], accepted_in=provinces[values["accepted_in"]],
                since=values["since"], basis=values["basis"],
            )  # fmt: skip
            steps.append(Step(number, "created", write, "name_zh"))
        return steps


def _organisations(rows, column: str) -> dict[str, Organisation]:
    names = {v[column] for _r, v in rows if v[column]}
    return {o.name_zh: o for o in Organisation.objects.filter(name_zh__in=names)}


class CooperationImporter(Importer):
    kind, key_columns, columns = "cooperation", ("title_zh",), COLUMNS["cooperation"]
    field_columns = {"partner_name": "partner_name", "lead": "lead", "milestones": "milestones"}

    def prepare(self, rows):
        cities, organisations = _jurisdictions("city"), _organisations(rows, "lead")
        titles = [v["title_zh"] for _r, v in rows]
        existing = {p.title_zh: p for p in CooperationProject.objects.filter(title_zh__in=titles)}
        steps, seen = [], {}
        for number, values in rows:
            if not self.first_seen(seen, values["title_zh"], number, "title_zh"):
                continue
            ok = values["city"] in cities and values["lead"] in organisations
            if values["city"] not in cities:
                self.problem(number, "city", _("%(code)s is not one of the 41 cities."), code=values["city"])
            if values["lead"] not in organisations:
                self.problem(number, "lead", _("No organisation is registered as %(name)s."), name=values["lead"])
            if not ok:
                continue
            data = writes.CooperationInput(
                title_zh=values["title_zh"], title_en=values["title_en"], partner_country=values["partner_country"],
                partner_name=values["partner_name"], lead=organisations[values["lead"]], city=cities[values["city"]],
                stage=values["stage"], plan_task=values["plan_task"], milestones=values["milestones"],
            )  # fmt: skip
            project = existing.get(values["title_zh"])
            write = partial(writes.cooperation_save, acting_user=self.user, data=data, project=project)
            steps.append(Step(number, "updated" if project else "created", write, "title_zh"))
        return steps


class ExpertImporter(Importer):
    kind, key_columns, columns = "experts", ("name", "institution"), COLUMNS["experts"]
    field_columns = {"institution": "institution"}

    def prepare(self, rows):
        organisations = _organisations(rows, "institution")
        existing = {
            (e.name, e.institution.name_zh): e
            for e in Expert.objects.filter(name__in=[v["name"] for _r, v in rows]).select_related("institution")
        }
        steps, seen = [], {}
        for number, values in rows:
            key = (values["name"], values["institution"])
            if not self.first_seen(seen, key, number, "name"):
                continue
            if values["institution"] not in organisations:
                self.problem(
                    number, "institution", _("No organisation is registered as %(name)s."), name=values["institution"]
                )
                continue
            expert = existing.get(key)
            write = partial(
                writes.expert_save, acting_user=self.user, name=values["name"],
                institution=organisations[values["institution"]], fields=values["fields"], is_public=values["public"],
                expert=expert,
            )  # fmt: skip
            steps.append(Step(number, "updated" if expert else "created", write, "name"))
        return steps


IMPORTERS = {
    "centres": CentreImporter,
    "cooperation": CooperationImporter,
    "experts": ExpertImporter,
    "recognitions": RecognitionImporter,
}


def _rows(kind: str, reader) -> list[list]:
    if kind == "centres":
        return [
            [c.kind, c.name_zh, c.name_en, c.organisation.name_zh, c.city.code, c.field, c.partner, c.major_task,
             ";".join(m.name_zh for m in c.members.all()), c.established_on, "yes" if c.is_public else "no"]
            for c in registry_selectors.centres_visible_to(reader)
        ]  # fmt: skip
    if kind == "cooperation":
        return [
            [p.title_zh, p.title_en, p.partner_country, p.partner_name, p.lead.name_zh, p.city.code, p.stage,
             p.plan_task, ";".join(f"{m.title_zh}|{m.title_en}|{m.due_on:%Y-%m-%d}" for m in p.milestones.all())]
            for p in registry_selectors.cooperation_visible_to(reader)
        ]  # fmt: skip
    if kind == "experts":
        return [
            # a listed expert agreed to be named; an unlisted one's name is read by the officers who keep
            # the registry (the selector), each name an audited reveal (core.personal.reveal)
            [
                e.name if e.is_public else shown(reader, e, "name"),
                e.institution.name_zh,
                e.fields,
                "yes" if e.is_public else "no",
            ]
            for e in registry_selectors.experts_visible_to(reader)
        ]
    if kind == "recognitions":
        return [
            [r.name_zh, r.name_en, r.issued_in.code, r.accepted_in.code, r.since, r.basis]
            for r in Recognition.objects.select_related("issued_in", "accepted_in")
        ]
    return [
        [i.code, i.name_zh, i.name_en, i.category, i.owner.name_zh, i.city.code, i.hourly_price, i.conditions]
        for i in Instrument.objects.select_related("owner", "city")
    ]


INSTRUMENT_HEADER = ["code", "name_zh", "name_en", "category", "owner", "city", "hourly_price", "conditions"]


def export_file(kind: str, fmt: str, *, template: bool = False, reader=None) -> ExportFile:
    """The rows of `kind`, or an empty template; centres, projects and experts not marked public only
    for the science officers who keep them (`reader`'s province, or the region)."""
    rows = [] if template else _rows(kind, reader)
    header = INSTRUMENT_HEADER if kind == "instruments" else [c.name for c in COLUMNS[kind]]
    content = write_table(fmt, kind, header, rows)
    return ExportFile(f"yrd-innovation-{kind}.{fmt}", FORMATS[fmt], content, len(rows))
