"""Rebuild yrd/market/data/starter_model.json: the linkage model a fresh installation uses until it has enough
reports of its own to train on (the first batch run with >= MIN_TRAINING_REPORTS reports replaces it).
Trained without labels, like every model, on 20,000 synthetic reports (yrd.market.consolidation.synthetic).

    .venv/bin/python tools/build_market_starter_model.py
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yrd.market.consolidation.pipeline import consolidate  # noqa: E402
from yrd.market.consolidation.synthetic import generate  # noqa: E402

OUT = ROOT / "yrd" / "market" / "data" / "starter_model.json"

if __name__ == "__main__":
    model = consolidate(generate(20_000, seed=2024)).model
    model.pop("linker_uid", None)
    OUT.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {OUT}")
