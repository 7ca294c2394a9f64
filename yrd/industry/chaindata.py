"""The stored chain as the plain data the analyses take (yrd.industry.analysis.chain)."""

from collections import defaultdict

from yrd.industry.analysis.chain import Chain, Firm, Link
from yrd.industry.models import BomLine, Capacity, Enterprise, SupplyRelation


def chain_from_db() -> Chain:
    capacities = defaultdict(dict)
    for enterprise_id, code, units in Capacity.objects.values_list("enterprise_id", "component__code", "annual_units"):
        capacities[enterprise_id][code] = float(units)
    firms = {
        pk: Firm(pk, city, province, tier, capacities.get(pk, {}))
        for pk, city, province, tier in Enterprise.objects.values_list("pk", "city__code", "city__parent__code", "tier")
    }
    links = [
        Link(s, c, code, float(share), float(inventory), lead)
        for s, c, code, share, inventory, lead in SupplyRelation.objects.values_list(
            "supplier_id", "customer_id", "component__code", "share_pct", "inventory_days", "lead_time_days"
        )
    ]
    bom = defaultdict(dict)
    for product, part, quantity in BomLine.objects.values_list("product__code", "part__code", "quantity"):
        bom[product][part] = float(quantity)
    return Chain(firms, links, dict(bom))
