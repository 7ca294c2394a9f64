"""Both languages are complete: every UI string of the code has a Chinese translation in the
catalogue of the module it belongs to (yrd/<module>/locale, or the shared yrd/locale), and the
compiled catalogues the server reads match their sources."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOGUES = sorted((ROOT / "yrd").glob("**/locale/zh_Hans/LC_MESSAGES/django.po"))


def test_the_shared_catalogue_is_among_them():
    assert ROOT / "yrd" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po" in CATALOGUES


@pytest.fixture(scope="module")
def chinese():
    return {path: polib.pofile(str(path)) for path in CATALOGUES}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_chinese_entry_is_translated_and_none_is_fuzzy(chinese, path):
    missing = [e.msgid for e in chinese[path] if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_compiled_catalogue_matches_the_source(chinese, path):
    with open(path.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    def looked_up(entry):
        if entry.msgctxt:
            return compiled.pgettext(entry.msgctxt, entry.msgid)
        return compiled.gettext(entry.msgid)

    stale = [e.msgid for e in chinese[path] if e.translated() and not e.msgid_plural and looked_up(e) != e.msgstr]
    assert stale == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is installed by `make`")
def test_the_catalogues_hold_every_string_of_the_code(tmp_path, chinese):
    copy = tmp_path / "yrd"
    shutil.copytree(ROOT / "yrd", copy, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copy(ROOT / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "yrd.settings.dev"},
    )
    known = {(e.msgctxt, e.msgid) for catalogue in chinese.values() for e in catalogue}
    new = sorted(
        e.msgid
        for path in copy.glob("**/locale/zh_Hans/LC_MESSAGES/django.po")
        for e in polib.pofile(str(path))
        if (e.msgctxt, e.msgid) not in known
    )
    assert new == [], "run `make messages` (or `make messages APP=<module>`) and translate these"
