"""Real reference data of the market module: the negative list of market access (data/negative_list.csv; each
entry's publication in data/SOURCES.md). Loaded when the platform holds no list of its own yet (an empty one or
the demo one); a list an administrator imported is never replaced."""

from pathlib import Path

from yrd.core.actors import SYSTEM
from yrd.market.models import AccessMeasure
from yrd.market.writes import access_list_import

NEGATIVE_LIST = Path(__file__).resolve().parent / "data" / "negative_list.csv"


def load_reference() -> dict:
    if AccessMeasure.objects.filter(is_demo=False).exists():
        return {"negative list entries added": 0}
    added = access_list_import(acting_user=SYSTEM, name=NEGATIVE_LIST.name, content=NEGATIVE_LIST.read_bytes())
    return {"negative list entries added": added}
