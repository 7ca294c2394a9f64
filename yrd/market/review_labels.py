"""The review queue's reasons in the reader's language. The engine (yrd.market.consolidation) names comparisons,
levels and refusals in English and knows nothing of Django; these tables translate them for the page. A label
the table does not know is shown as the engine wrote it."""

from django.utils.translation import gettext_lazy as _

FEATURES = {
    "prior": _("Prior"),
    "trade_name": _("Trade name"),
    "place": _("Region"),
    "industry": _("Industry"),
    "legal_form": _("Legal form"),
    "outlet": _("Branch or shop"),
    "uscc": _("USCC"),
    "phone": _("Phone"),
    "address": _("Address"),
}

LEVELS = {
    "two reports chosen at random": _("two reports chosen at random"),
    "All other comparisons": _("different"),
    "not known for both": _("not known for both"),
    "a typo apart": _("a typo apart"),
    "one character apart": _("one character apart"),
    "one contains the other": _("one contains the other"),
    "one shortened to 公司": _("one shortened to 公司"),
    "same address": _("same address"),
    "same building": _("same building"),
    "same but for look-alike characters": _("same but for look-alike characters"),
    "same city (name or incident)": _("same city (name or incident)"),
    "same city in both names": _("same city in both names"),
    "same code": _("same code"),
    "same industry": _("same industry"),
    "same kind of outlet, same place": _("same kind of outlet, same place"),
    "same legal form": _("same legal form"),
    "same local number": _("same local number"),
    "same number": _("same number"),
    "same province": _("same province"),
    "same sound (pinyin)": _("same sound (pinyin)"),
    "same trade name": _("same trade name"),
    "two characters apart": _("two characters apart"),
}

REFUSALS = {
    "a reviewer split these reports": _("a reviewer split these reports"),
    "different valid USCCs": _("different valid USCCs"),
    "registered in different cities": _("registered in different cities"),
    "registered in unrelated industries": _("registered in unrelated industries"),
}


def reasons(stored: list[dict]) -> list[dict]:
    """The stored reasons of a pair ({feature, level, weight}) with their labels in the active language."""
    return [
        {
            "feature": FEATURES.get(r["feature"], r["feature"]),
            "level": LEVELS.get(r["level"], r["level"]),
            "weight": r["weight"],
        }
        for r in stored
    ]


def refusal(text: str) -> str:
    return REFUSALS.get(text, text) if text else ""
