"""Data centres as tables a province official or planner fills in and loads at once: the centres
(city, name, cluster, racks, IT power, utilisation, green-power share, electricity price) and their
PUE by month. Each kind is an XLSX or CSV file; an import is all rows or none (yrd.core.tables),
written through `datacentre_save` and `pue_record`, so the same checks and the same jurisdiction rule
hold: an official loads only the centres of the cities in his province, and a row elsewhere is named."""

import re
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.models import Jurisdiction
from yrd.core.tables import CellError, Column, describe, parse_date, parse_decimal, parse_integer, text
from yrd.core.tables.importing import Importer, ImportResult, Step, run_import
from yrd.industry.chain_io import parse_adcode
from yrd.industry.models import DataCentre, PueReading
from yrd.industry.writes import CentreInput, datacentre_save, pue_record

MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def parse_cluster(value):
    code = text(12)(value).lower()
    if code and code not in DataCentre.Cluster.values:
        raise CellError(
            _("%(value)s is not a cluster; use %(codes)s.")
            % {"value": describe(value), "codes": ", ".join(DataCentre.Cluster.values)}
        )
    return code


def parse_month(value):
    """A month as YYYY-MM, or any date within it (its first day is stored)."""
    if isinstance(value, str):
        match = MONTH.fullmatch(value.strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return date(int(match.group(1)), int(match.group(2)), 1)
    try:
        found = parse_date(value)
    except CellError:
        message = _("%(value)s is not a month; write it as YYYY-MM, e.g. 2025-07.") % {"value": describe(value)}
        raise CellError(message) from None
    return found.replace(day=1) if found else None


def parse_pue(value):
    number = parse_decimal(value, max_digits=4, decimal_places=3, minimum=1)
    if number is not None and number > 5:
        raise CellError(_("%(value)s is above 5; a PUE is from 1 to 5.") % {"value": describe(value)})
    return number


def share(value):
    number = parse_decimal(value, max_digits=4, decimal_places=3, minimum=0)
    if number is not None and number > 1:
        raise CellError(_("%(value)s is above 1; write a share from 0 to 1.") % {"value": describe(value)})
    return number


NAME = (
    Column("city", parse_adcode, True, gettext_lazy("Adcode of one of the 41 cities")),
    Column("name_zh", text(200), True, gettext_lazy("Name in Chinese (with the city, identifies the centre)")),
)
COLUMNS = {
    "datacentres": NAME
    + (
        Column("name_en", text(200), help=gettext_lazy("Name in English")),
        Column("cluster", parse_cluster, True, gettext_lazy("demo_zone, wuhu or other")),
        Column("racks", lambda v: parse_integer(v, minimum=0, maximum=1_000_000), True, gettext_lazy("Racks")),
        Column(
            "it_power_mw",
            lambda v: parse_decimal(v, max_digits=9, decimal_places=2, minimum=0),
            True,
            gettext_lazy("IT power in MW"),
        ),
        Column("utilisation", share, True, gettext_lazy("Rack utilisation, 0-1")),
        Column("green_share", share, True, gettext_lazy("Share of green power, 0-1")),
        Column(
            "electricity_price",
            lambda v: parse_decimal(v, max_digits=6, decimal_places=4, minimum=0),
            True,
            gettext_lazy("Electricity price, CNY/kWh"),
        ),
    ),
    "pue": NAME
    + (
        Column("month", parse_month, True, gettext_lazy("Month, YYYY-MM")),
        Column("pue", parse_pue, True, gettext_lazy("PUE, from 1 to 5")),
    ),
}
KINDS = tuple(COLUMNS)
KIND_NAMES = {"datacentres": gettext_lazy("data centres"), "pue": gettext_lazy("PUE by month")}
FIELDS = ("name_en", "cluster", "racks", "it_power_mw", "utilisation", "green_share", "electricity_price")


class CentreImporter(Importer):
    kind, key_columns = "datacentres", ("city", "name_zh")

    def __init__(self, acting_user, errors):
        super().__init__(acting_user, errors)
        self.columns = COLUMNS[self.kind]
        self.cities = {j.code: j for j in Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY)}
        self.centres = {(d.city.code, d.name_zh): d for d in DataCentre.objects.select_related("city")}

    def city(self, number, code):
        found = self.cities.get(code)
        if found is None:
            self.problem(number, "city", _("%(code)s is not one of the 41 cities."), code=code)
        return found

    def prepare(self, rows):
        steps, seen = [], {}
        for number, values in rows:
            city = self.city(number, values["city"])
            if city is None or not self.first_seen(seen, (city.code, values["name_zh"]), number, "name_zh"):
                continue
            before = self.centres.get((city.code, values["name_zh"]))
            if before and all(getattr(before, name) == values[name] for name in FIELDS):
                steps.append(Step(number, "unchanged"))
                continue
            data = CentreInput(name_zh=values["name_zh"], city=city, **{name: values[name] for name in FIELDS})
            write = _bound(datacentre_save, self.user, {"data": data})
            steps.append(Step(number, "updated" if before else "created", write, "name_zh"))
        return steps


class PueImporter(CentreImporter):
    kind = "pue"

    def prepare(self, rows):
        steps, seen = [], {}
        readings = set(PueReading.objects.values_list("data_centre_id", "month", "pue"))
        months = {(d, m) for d, m, _p in readings}
        for number, values in rows:
            city = self.city(number, values["city"])
            if city is None:
                continue
            centre = self.centres.get((city.code, values["name_zh"]))
            if centre is None:
                self.problem(
                    number, "name_zh", _("No data centre of this city is called %(name)s; import it first."),
                    name=values["name_zh"],
                )  # fmt: skip
                continue
            if values["month"] is None or not self.first_seen(seen, (centre.pk, values["month"]), number, "month"):
                continue
            if (centre.pk, values["month"], values["pue"]) in readings:
                steps.append(Step(number, "unchanged"))
                continue
            arguments = {"data_centre": centre, "month": values["month"], "pue": values["pue"]}
            outcome = "updated" if (centre.pk, values["month"]) in months else "created"
            steps.append(Step(number, outcome, _bound(pue_record, self.user, arguments), "pue"))
        return steps


def _bound(function, user, arguments):
    return lambda: function(acting_user=user, **arguments)


IMPORTERS = {"datacentres": CentreImporter, "pue": PueImporter}


def import_file(*, acting_user, kind: str, data: bytes, dry_run: bool = False) -> ImportResult:
    result = ImportResult(kind=kind, dry_run=dry_run)
    kinds = {name: (str(KIND_NAMES[name]), COLUMNS[name]) for name in KINDS}
    return run_import(IMPORTERS[kind](acting_user, result.errors), data, result, other_kinds=kinds)
