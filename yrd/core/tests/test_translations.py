"""Both languages are complete: every UI string of the code has a Chinese translation, and the
compiled catalogue the server reads matches the source catalogue."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "yrd" / "locale"


@pytest.fixture(scope="module")
def chinese():
    return polib.pofile(str(LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po"))


def test_every_chinese_entry_is_translated_and_none_is_fuzzy(chinese):
    missing = [e.msgid for e in chinese if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == []


def test_the_compiled_catalogue_matches_the_source(chinese):
    with open(LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    def looked_up(entry):
        if entry.msgctxt:
            return compiled.pgettext(entry.msgctxt, entry.msgid)
        return compiled.gettext(entry.msgid)

    stale = [e.msgid for e in chinese if e.translated() and not e.msgid_plural and looked_up(e) != e.msgstr]
    assert stale == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is installed by `make`")
def test_the_catalogue_holds_every_string_of_the_code(tmp_path, chinese):
    copy = tmp_path / "yrd"
    shutil.copytree(ROOT / "yrd", copy, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copy(ROOT / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"))
    known = {(e.msgctxt, e.msgid) for e in chinese}
    new = sorted(e.msgid for e in extracted if (e.msgctxt, e.msgid) not in known)
    assert new == [], "run `make messages` and translate these"
