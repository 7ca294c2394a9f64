"""Random chains for property tests (hypothesis strategies) and brute-force recounts."""

from hypothesis import strategies as st

from yrd.industry.analysis.chain import Chain, Firm, Link

CITIES = [("320500", "320000"), ("320400", "320000"), ("330200", "330000"), ("340100", "340000"), ("310000", "310000")]
TIERS = ["oem", "tier1", "tier2", "material"]
COMPONENTS = ["pack", "cell", "chip"]


@st.composite
def chains(draw, max_firms=9):
    n = draw(st.integers(min_value=1, max_value=max_firms))
    firms = {}
    for firm in range(n):
        city, province = draw(st.sampled_from(CITIES))
        tier = draw(st.sampled_from(TIERS))
        capacity = draw(st.dictionaries(st.sampled_from(COMPONENTS + ["vehicle"]), st.integers(0, 1000), max_size=2))
        firms[firm] = Firm(firm, city, province, tier, {k: float(v) for k, v in capacity.items()})
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(COMPONENTS)),
            max_size=3 * n,
            unique=True,
        )
    )
    links = [Link(s, c, comp, 50.0, 2.0) for s, c, comp in pairs if s != c]
    return Chain(firms, links)


def connected_components(nodes, edges) -> int:
    parent = {n: n for n in nodes}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    return len({find(n) for n in nodes})
