"""Every read of the industry module, scoped by the caller.

- An enterprise's own people (role scoped to its organisation) read its relations in detail: the
  share, lead time and inventory of each relation where it is the supplier or the customer;
- officials of a province read the enterprises of their province in detail (the region's, all);
- everyone else, the public included, reads aggregates only: how many relations link a city to
  another for a component, how capacity is spread across provinces (HHI), counts per city. Shares and
  capacities of single enterprises never leave these selectors for them."""

from collections import Counter, defaultdict

from django.db.models import Q, QuerySet

from yrd.core.access import can, filter_visible
from yrd.core.models import Jurisdiction
from yrd.industry.analysis import weakpoints
from yrd.industry.apps import ANALYSE, MAINTAIN, MATCH, REVIEW
from yrd.industry.chaindata import chain_from_db
from yrd.industry.models import Capacity, Enterprise, Need, Scenario, SupplyRelation, relation_scopes

RELATED = (
    "supplier__organisation",
    "supplier__city__parent",
    "customer__organisation",
    "customer__city__parent",
    "component",
)


def enterprises_in_detail(user) -> QuerySet[Enterprise]:
    """Enterprises whose relations and capacities the user may read in detail."""
    base = Enterprise.objects.select_related("organisation", "city__parent")
    own = filter_visible(base, user, MAINTAIN, jurisdiction_fields=["city"], organisation_field="organisation")
    reviewed = filter_visible(base, user, REVIEW, jurisdiction_fields=["city"])
    return base.filter(Q(pk__in=own.values("pk")) | Q(pk__in=reviewed.values("pk")))


def detail_ids(user) -> set[int]:
    return set(enterprises_in_detail(user).values_list("pk", flat=True))


def may_read_detail(user, enterprise: Enterprise) -> bool:
    return can(user, MAINTAIN, enterprise) or can(user, REVIEW, enterprise)


def relations_in_detail(user, *, component: str = "", province: str = "") -> QuerySet[SupplyRelation]:
    ids = detail_ids(user)
    relations = SupplyRelation.objects.select_related(*RELATED).filter(Q(supplier_id__in=ids) | Q(customer_id__in=ids))
    return _filtered(relations, component, province)


def _filtered(relations, component, province):
    if component:
        relations = relations.filter(component__code=component)
    if province:
        relations = relations.filter(
            Q(supplier__city__parent__code=province) | Q(customer__city__parent__code=province)
        )
    return relations


def public_enterprises() -> QuerySet[Enterprise]:
    """The registry anyone may read: name, USCC, city and role in the chain (no figures)."""
    return Enterprise.objects.select_related("organisation", "city__parent")


def enterprises_by_city() -> dict[str, int]:
    return dict(Counter(Enterprise.objects.values_list("city__code", flat=True)))


def chain_graph(user, *, component: str = "", province: str = "") -> dict:
    """Nodes and edges for the chain graph. Relations the user may read in detail link enterprises
    and carry their share; all others are summed into city-to-city edges with a count only."""
    ids = detail_ids(user)
    nodes, edges = {}, defaultdict(lambda: {"count": 0, "components": set()})
    relations = _filtered(SupplyRelation.objects.select_related(*RELATED), component, province)
    for r in relations:
        detailed = r.supplier_id in ids or r.customer_id in ids
        ends = []
        for firm in (r.supplier, r.customer):
            if detailed:
                key = f"e{firm.pk}"
                nodes[key] = {"id": key, "name": firm.organisation.name, "category": firm.tier, "city": firm.city.name}
            else:
                key = f"c{firm.city.code}"
                nodes.setdefault(key, {"id": key, "name": firm.city.name, "category": "city", "city": firm.city.name})
            ends.append(key)
        edge = edges[tuple(ends)]
        edge["count"] += 1
        edge["components"].add(r.component.name)
        if detailed:
            edge["share"] = float(r.share_pct)
    return {
        "nodes": list(nodes.values()),
        "edges": [
            {
                "source": s,
                "target": t,
                "count": e["count"],
                "components": sorted(e["components"]),
                "share": e.get("share"),
            }
            for (s, t), e in edges.items()
        ],
    }


def weak_points(user) -> dict:
    """Single sources, single-city sourcing and articulation points the user may read in detail (the
    customer or the enterprise itself must be in the user's detail scope); HHI for everyone."""
    chain = chain_from_db()
    ids = detail_ids(user)
    names = {e.pk: e for e in public_enterprises().filter(pk__in=list(chain.firms))}
    return {
        "single_sources": [
            (names[s.customer], s.component, names[s.supplier])
            for s in weakpoints.single_sources(chain)
            if s.customer in ids
        ],
        "single_cities": [
            (names[s.customer], s.component, s.city, s.suppliers)
            for s in weakpoints.single_cities(chain)
            if s.customer in ids
        ],
        "articulation": sorted(
            (names[f] for f in weakpoints.articulation_points(chain) if f in ids), key=lambda e: e.pk
        ),
        "hhi": hhi_table(chain),
        "chain": chain,
    }


def hhi_table(chain=None) -> list[tuple[str, float, dict]]:
    """(component, HHI, {province: share %}), most concentrated first: aggregates anyone may read."""
    chain = chain or chain_from_db()
    table = weakpoints.hhi_by_province(chain)
    return sorted(((c, hhi, shares) for c, (hhi, shares) in table.items()), key=lambda row: (-row[1], row[0]))


def scenarios_visible_to(user) -> QuerySet[Scenario]:
    return filter_visible(Scenario.objects.all(), user, ANALYSE, jurisdiction_fields=["jurisdiction"])


def analysis_scope(user) -> Jurisdiction | None:
    """The widest jurisdiction where the user may run analyses (for saving scenarios), or None."""
    for level in ("region", "province", "city"):
        for j in Jurisdiction.objects.filter(level=level):
            if can(user, ANALYSE, j):
                return j
    return None


def needs_visible_to(user) -> QuerySet[Need]:
    """Open needs for every enterprise on the board and the officials; all states for the poster."""
    base = Need.objects.select_related("customer__organisation", "customer__city", "component")
    if not (can(user, MATCH) or can(user, REVIEW)):
        return base.none()
    own = filter_visible(
        base, user, MATCH, jurisdiction_fields=["customer__city"], organisation_field="customer__organisation"
    )
    reviewed = filter_visible(base, user, REVIEW, jurisdiction_fields=["customer__city"])
    return base.filter(Q(state=Need.State.OPEN) | Q(pk__in=own.values("pk")) | Q(pk__in=reviewed.values("pk")))


def may_act_on_need(user, need: Need) -> bool:
    return can(user, MATCH, need)


def may_review(user, relation: SupplyRelation) -> bool:
    supplier_side, customer_side = relation_scopes(relation.supplier, relation.customer)
    return can(user, REVIEW, supplier_side) or can(user, REVIEW, customer_side)


def capacities_in_detail(user) -> QuerySet[Capacity]:
    return Capacity.objects.filter(enterprise__in=enterprises_in_detail(user)).select_related(
        "enterprise__organisation", "enterprise__city", "component"
    )
