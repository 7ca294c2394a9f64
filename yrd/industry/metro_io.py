"""Industry statistics of cities as a table (city adcode, industry, year, value, unit, source): all
rows or none through core's tables, each row written by `indicator_set`; the metropolitan page
computes location quotients and similarities from them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.models import Jurisdiction
from yrd.core.tables import Column, parse_decimal, parse_integer, text
from yrd.core.tables.importing import Importer, ImportResult, Step, run_import
from yrd.industry.chain_io import parse_adcode
from yrd.industry.writes import indicator_set

COLUMNS = (
    Column("city", parse_adcode, True, gettext_lazy("Adcode of one of the 41 cities")),
    Column("industry", text(40), True, gettext_lazy("Industry, e.g. automotive")),
    Column("year", lambda v: parse_integer(v, minimum=1949, maximum=2100), True, gettext_lazy("Year of the figure")),
    Column(
        "value",
        lambda v: parse_decimal(v, max_digits=14, decimal_places=2, minimum=0),
        True,
        gettext_lazy("The figure, e.g. value added"),
    ),  # fmt: skip
    Column("unit", text(20), True, gettext_lazy("Unit, e.g. 10^8 CNY")),
    Column("source", text(200), True, gettext_lazy("Where the figure is published")),
)
KIND_NAMES = {"indicators": gettext_lazy("industry statistics")}


class IndicatorImporter(Importer):
    kind, columns, key_columns = "indicators", COLUMNS, ("city", "industry", "year")

    def prepare(self, rows):
        cities = {j.code: j for j in Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY)}
        steps, seen = [], {}
        for number, values in rows:
            city = cities.get(values["city"])
            if city is None:
                self.problem(number, "city", _("%(code)s is not one of the 41 cities."), code=values["city"])
                continue
            if self.first_seen(seen, (values["city"], values["industry"], values["year"]), number, "industry"):
                arguments = {k: values[k] for k in ("industry", "year", "value", "unit", "source")}
                steps.append(Step(number, "created", _bound(self.user, city, arguments), "value"))
        return steps


def _bound(user, city, arguments):
    return lambda: indicator_set(acting_user=user, city=city, **arguments)


def import_file(*, acting_user, data: bytes, dry_run: bool = False) -> ImportResult:
    result = ImportResult(kind="indicators", dry_run=dry_run)
    return run_import(IndicatorImporter(acting_user, result.errors), data, result)
