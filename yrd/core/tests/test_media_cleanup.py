import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_a_test_run_leaves_no_media_folder_behind(tmp_path):
    """Test settings put uploads in a temporary folder; the run removes it when it ends."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    env.pop("DATABASE_URL", None)  # its own SQLite database, whichever the outer run uses
    # --nomigrations: tables straight from the models; what is tested is the media folder, not the schema
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "--nomigrations",
         "yrd/core/tests/test_error_pages.py", "-k", "never_served"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]
    assert list(scratch.glob("yrd-test-media-*")) == []
