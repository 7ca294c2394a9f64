"""Translation hook of the engine. Messages go through `_`, which returns them unchanged unless the
app installs a translator (Django's gettext, in GreenConfig.ready), so the engine stays plain Python
and a page shows its refusals in the reader's language. `gettext_noop` marks words (the dimensions)
that are translated where they are shown."""

from collections.abc import Callable

translator: Callable[[str], str] | None = None


def _(message: str) -> str:
    return translator(message) if translator is not None else message


def gettext_noop(message: str) -> str:
    return message
