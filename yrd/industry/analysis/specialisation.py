"""Industrial specialisation of cities from a table value[city][industry] (e.g. value added):

- location quotient LQ = (city's share of the industry in its own economy) / (the region's share);
  above 1 the city is specialised in it;
- Krugman specialisation index of a city: sum over industries of |city share - region share|, 0 (the
  region's structure) to 2 (nothing in common);
- structural similarity of two cities (the cosine of their industry shares, the 相似系数 used in
  Chinese regional studies): 1 means the same structure (they compete), near 0 complementary."""

import math


def _shares(values: dict) -> dict:
    total = sum(values.values())
    return {k: v / total for k, v in values.items()} if total > 0 else {k: 0.0 for k in values}


def regional_totals(table: dict) -> dict:
    totals = {}
    for values in table.values():
        for industry, value in values.items():
            totals[industry] = totals.get(industry, 0.0) + value
    return totals


def location_quotients(table: dict) -> dict:
    region = _shares(regional_totals(table))
    result = {}
    for city, values in table.items():
        shares = _shares(values)
        result[city] = {i: (shares.get(i, 0.0) / region[i] if region[i] > 0 else 0.0) for i in region}
    return result


def specialisation_index(table: dict) -> dict:
    region = _shares(regional_totals(table))
    return {city: sum(abs(_shares(v).get(i, 0.0) - region[i]) for i in region) for city, v in table.items()}


def similarity(a: dict, b: dict) -> float:
    industries = set(a) | set(b)
    sa, sb = _shares(a), _shares(b)
    dot = sum(sa.get(i, 0.0) * sb.get(i, 0.0) for i in industries)
    norm = math.sqrt(sum(v * v for v in sa.values())) * math.sqrt(sum(v * v for v in sb.values()))
    return dot / norm if norm > 0 else 0.0


def similarity_matrix(table: dict) -> tuple[list, list]:
    cities = sorted(table)
    return cities, [[similarity(table[a], table[b]) for b in cities] for a in cities]
