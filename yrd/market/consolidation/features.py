"""From report rows to the comparison features the linkage model reads.

`add_features(reports)` takes a pandas frame with the batch columns (report_id, subject_name, subject_uscc,
subject_address, subject_phone, incident_city_adcode; others are ignored) and returns one row per report with the
columns in FEATURE_COLUMNS: `report_id`, `unique_id` (the row position: scored pairs refer to reports by it) and
the features (None where a report says nothing). Each distinct name, USCC, phone and address is parsed once, so a
million reports with repeated values cost far less than a million parses. The features are computed here, in
pandas, for every engine (Spark included): they are a few dozen microseconds per distinct name.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from .identifiers import UsccStatus, address_building, clean_uscc, normalise_address, normalise_phone, phone_tail
from .names import parse_name, pinyin_key, shape_key

FEATURE_COLUMNS = (
    "report_id",
    "unique_id",
    "trade",
    "trade_pinyin",
    "trade_shape",
    "trade_head",
    "trade_first",
    "trade_last",
    "region_city",
    "region_province",
    "place_city",
    "place_province",
    "formal_city",
    "formal_industry",
    "industry",
    "legal_form",
    "outlet",
    "uscc",
    "uscc_valid",
    "uscc_head",
    "uscc_tail",
    "phone",
    "phone_tail",
    "address",
    "address_building",
    "incident_city",
)


def add_features(reports: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({"report_id": reports["report_id"].astype(str).to_numpy()})
    out["unique_id"] = np.arange(len(out), dtype=np.int64)
    _name_features(out, reports["subject_name"])
    _uscc_features(out, _column(reports, "subject_uscc"))
    phones = _map_unique(_column(reports, "subject_phone"), normalise_phone)
    out["phone"] = phones
    out["phone_tail"] = _map_unique(phones, phone_tail)
    addresses = _map_unique(_column(reports, "subject_address"), normalise_address)
    out["address"] = addresses
    out["address_building"] = _map_unique(addresses, address_building)
    out["incident_city"] = _blank_to_none(_column(reports, "incident_city_adcode"))
    _place_features(out)
    return out[list(FEATURE_COLUMNS)]


def _place_features(out: pd.DataFrame) -> None:
    """The city a report places the firm in: the region of its name, else where the incident happened — unless
    the name is a branch or an online shop, whose incident says nothing about where the firm is."""
    from_incident = out["incident_city"].where(~out["outlet"].fillna("").str.startswith(("branch", "online")))
    place = out["region_city"].where(out["region_city"].notna(), from_incident)
    out["place_city"] = place
    out["place_province"] = place.str[:2].where(place.notna(), out["region_province"])


def numbered(features: pd.DataFrame) -> pd.DataFrame:
    """The frame with `unique_id` = row position, as the linkage model and the clustering expect."""
    return features.reset_index(drop=True).assign(unique_id=np.arange(len(features), dtype=np.int64))


def _column(reports: pd.DataFrame, name: str) -> pd.Series:
    if name in reports:
        return reports[name]
    return pd.Series([None] * len(reports), index=reports.index, dtype=object)


def _map_unique(values: pd.Series, function: Callable) -> pd.Series:
    """Apply `function` once per distinct value (None/NaN/"" → None without calling it)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = [function(v) if isinstance(v, str) and v.strip() else None for v in uniques]
    lookup = pd.Series(mapped + [None], dtype=object)
    return pd.Series(lookup.to_numpy()[codes], dtype=object).reset_index(drop=True)


def _blank_to_none(values: pd.Series) -> pd.Series:
    return _map_unique(values, lambda v: v.strip() or None)


def _name_features(out: pd.DataFrame, names: pd.Series) -> None:
    codes, uniques = pd.factorize(names.fillna(""), use_na_sentinel=True)
    rows = []
    for raw in uniques:
        parts = parse_name(raw)
        trade = parts.trade or None
        outlet = f"{parts.outlet}:{parts.outlet_city or ''}" if parts.outlet else None
        rows.append(
            (
                trade,
                pinyin_key(trade) if trade else None,
                shape_key(trade) if trade else None,
                trade[:2] if trade else None,
                trade[0] if trade else None,
                trade[-1] if trade else None,
                parts.city,
                parts.province,
                parts.city if parts.is_formal else None,
                parts.industry if parts.is_formal else None,
                parts.industry,
                parts.legal_form,
                outlet,
            )
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "trade",
            "trade_pinyin",
            "trade_shape",
            "trade_head",
            "trade_first",
            "trade_last",
            "region_city",
            "region_province",
            "formal_city",
            "formal_industry",
            "industry",
            "legal_form",
            "outlet",
        ],
        dtype=object,
    )
    for column in table.columns:
        out[column] = table[column].to_numpy()[codes]


def _uscc_features(out: pd.DataFrame, raw: pd.Series) -> None:
    codes, uniques = pd.factorize(raw.fillna(""), use_na_sentinel=True)
    cleaned = [clean_uscc(v) for v in uniques]
    code = pd.Series([c for c, _ in cleaned], dtype=object).to_numpy()[codes]
    valid = pd.Series([c if s is UsccStatus.VALID else None for c, s in cleaned], dtype=object).to_numpy()[codes]
    out["uscc"] = code
    out["uscc_valid"] = valid
    # Two halves on disjoint characters, so a code with one character mistyped still shares one of them with
    # the right code; the first eight (authority, type, region) are shared by every firm of a county, so the
    # head runs on into the organisation code to stay selective.
    out["uscc_head"] = [c[:12] if c and len(c) >= 12 else None for c in code]
    out["uscc_tail"] = [c[12:] if c and len(c) == 18 else None for c in code]
