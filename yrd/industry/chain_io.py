"""The chain as tables an enterprise or a province fills in and loads at once: enterprises (an
organisation of the registry by its USCC, its city and its role), capacities, and supply relations.
Each kind is an XLSX or CSV file; an import is all rows or none (yrd.core.tables), written through
the chain's writes, so the same rules and permissions hold: unknown USCCs, components and cities are
named by row, as are shares above 100%, negative figures and relations that would make a component
supply itself."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.models import Jurisdiction, Organisation
from yrd.core.tables import CellError, Column, describe, parse_decimal, parse_integer, text
from yrd.core.tables.importing import Importer, ImportResult, Step, run_import
from yrd.industry.models import Component, Enterprise, Tier
from yrd.industry.writes import RelationInput, capacity_set, enterprise_register, relation_save


def parse_tier(value):
    code = text(10)(value).lower()
    if code and code not in Tier.values:
        raise CellError(_("%(value)s is not a role; use oem, tier1, tier2 or material.") % {"value": describe(value)})
    return code


def parse_adcode(value):
    code = text(12)(value)
    code = code[:-2] if code.endswith(".0") else code
    if code and not (len(code) == 6 and code.isdigit()):
        raise CellError(_("%(value)s is not an adcode (six digits).") % {"value": describe(value)})
    return code


def nonnegative(max_digits, places):
    return lambda v: parse_decimal(v, max_digits=max_digits, decimal_places=places, minimum=0)


COLUMNS = {
    "enterprises": (
        Column("uscc", text(18), True, gettext_lazy("Unified Social Credit Code of an organisation in the registry")),
        Column("city", parse_adcode, True, gettext_lazy("Adcode of one of the 41 cities")),
        Column("tier", parse_tier, True, gettext_lazy("oem, tier1, tier2 or material")),
        Column("certifications", text(200), help=gettext_lazy("e.g. IATF 16949; ISO 26262")),
    ),
    "capacities": (
        Column("uscc", text(18), True, gettext_lazy("The enterprise's USCC")),
        Column("component", text(40), True, gettext_lazy("Component code, e.g. battery-pack")),
        Column("annual_units", nonnegative(14, 2), True, gettext_lazy("Capacity per year, in the component's unit")),
    ),
    "relations": (
        Column("supplier_uscc", text(18), True, gettext_lazy("Supplier's USCC")),
        Column("customer_uscc", text(18), True, gettext_lazy("Customer's USCC")),
        Column("component", text(40), True, gettext_lazy("Component code")),
        Column("share_pct", nonnegative(5, 2), True, gettext_lazy("Share of the customer's need, 0-100")),
        Column(
            "lead_time_days",
            lambda v: parse_integer(v, minimum=0, maximum=365),
            True,
            gettext_lazy("Lead time in days"),
        ),
        Column("inventory_days", nonnegative(6, 1), True, gettext_lazy("Customer's inventory of it, in days")),
    ),
}
KINDS = tuple(COLUMNS)
KIND_NAMES = {
    "enterprises": gettext_lazy("enterprises"),
    "capacities": gettext_lazy("capacities"),
    "relations": gettext_lazy("supply relations"),
}


def import_file(*, acting_user, kind: str, data: bytes, dry_run: bool = False, progress=None) -> ImportResult:
    result = ImportResult(kind=kind, dry_run=dry_run)
    importer = IMPORTERS[kind](acting_user, result.errors)
    kinds = {name: (str(KIND_NAMES[name]), COLUMNS[name]) for name in KINDS}
    return run_import(importer, data, result, other_kinds=kinds, progress=progress)


class ChainImporter(Importer):
    def __init__(self, acting_user, errors):
        super().__init__(acting_user, errors)
        self.columns = COLUMNS[self.kind]
        self.components = {c.code: c for c in Component.objects.all()}

    def enterprise(self, number, column, uscc, enterprises) -> Enterprise | None:
        found = enterprises.get(uscc.upper())
        if found is None:
            self.problem(
                number, column, _("No enterprise on the chain has the USCC %(uscc)s; import it first."), uscc=uscc
            )
        return found

    def component(self, number, code) -> Component | None:
        found = self.components.get(code)
        if found is None:
            self.problem(
                number,
                "component",
                _("Unknown component %(code)s; the components are listed on the import page."),
                code=code,
            )
        return found


def _enterprises() -> dict:
    return {e.organisation.uscc: e for e in Enterprise.objects.select_related("organisation", "city")}


class EnterpriseImporter(ChainImporter):
    kind, key_columns = "enterprises", ("uscc",)

    def prepare(self, rows):
        cities = {j.code: j for j in Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY)}
        organisations = {o.uscc: o for o in Organisation.objects.filter(uscc__in=[v["uscc"].upper() for _n, v in rows])}
        existing, steps, seen = _enterprises(), [], {}
        for number, values in rows:
            uscc = values["uscc"].upper()
            organisation, city = organisations.get(uscc), cities.get(values["city"])
            if organisation is None:
                self.problem(number, "uscc", _("No organisation in the registry has the USCC %(uscc)s."), uscc=uscc)
            if city is None:
                self.problem(number, "city", _("%(code)s is not one of the 41 cities."), code=values["city"])
            if organisation is None or city is None or not self.first_seen(seen, uscc, number, "uscc"):
                continue
            before = existing.get(uscc)
            if before and (before.city_id, before.tier, before.certifications) == (
                city.pk,
                values["tier"],
                values["certifications"],
            ):
                steps.append(Step(number, "unchanged"))
                continue
            arguments = {
                "organisation": organisation,
                "city": city,
                "tier": values["tier"],
                "certifications": values["certifications"],
            }
            steps.append(
                Step(
                    number,
                    "updated" if before else "created",
                    _bound(enterprise_register, self.user, arguments),
                    "uscc",
                )
            )
        return steps


class CapacityImporter(ChainImporter):
    kind, key_columns = "capacities", ("uscc", "component")

    def prepare(self, rows):
        enterprises, steps, seen = _enterprises(), [], {}
        for number, values in rows:
            enterprise = self.enterprise(number, "uscc", values["uscc"], enterprises)
            component = self.component(number, values["component"])
            if enterprise and component and self.first_seen(seen, (enterprise.pk, component.pk), number, "component"):
                arguments = {"enterprise": enterprise, "component": component, "annual_units": values["annual_units"]}
                steps.append(Step(number, "created", _bound(capacity_set, self.user, arguments), "annual_units"))
        return steps


class RelationImporter(ChainImporter):
    kind, key_columns = "relations", ("supplier_uscc", "customer_uscc", "component")
    field_columns = {"supplier": "supplier_uscc", "customer": "customer_uscc"}

    def prepare(self, rows):
        enterprises, steps, seen = _enterprises(), [], {}
        for number, values in rows:
            supplier = self.enterprise(number, "supplier_uscc", values["supplier_uscc"], enterprises)
            customer = self.enterprise(number, "customer_uscc", values["customer_uscc"], enterprises)
            component = self.component(number, values["component"])
            if not (supplier and customer and component):
                continue
            if not self.first_seen(seen, (supplier.pk, customer.pk, component.pk), number, "component"):
                continue
            data = RelationInput(
                supplier, customer, component, values["share_pct"], values["lead_time_days"], values["inventory_days"]
            )
            steps.append(Step(number, "created", _bound(relation_save, self.user, {"data": data}), "component"))
        return steps


def _bound(function, user, arguments):
    return lambda: function(acting_user=user, **arguments)


IMPORTERS = {"enterprises": EnterpriseImporter, "capacities": CapacityImporter, "relations": RelationImporter}
