import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
AUDIT_ANCHOR = {  # production wants the audit log anchored outside the database (core.checks)
    "CRYPTO_SUITE": "intl",
    "AUDIT_SIGNING_KEY": "ed25519:8PVsyMTB4nmsMEYTIU6f26NsiwwfNlBFw7GSP7O7Y+E=",
    "AUDIT_CHECKPOINT_FILE": "/var/lib/yrd/audit-checkpoints.jsonl",
}


def manage(*args, **env):
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "yrd.settings.production", **env}
    full_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True)


def test_check_deploy_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-production-secret-for-the-check-" + "z" * 20,
        ALLOWED_HOSTS="yrd.example.gov.cn",
        **AUDIT_ANCHOR,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "env,message",
    [
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "a.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": "s" * 60, "ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "s" * 60, "ALLOWED_HOSTS": "a.example", "DEBUG": "perhaps"}, "DEBUG"),
    ],
)
def test_production_refuses_to_start_with_bad_settings(env, message):
    result = manage("check", **env)
    assert result.returncode != 0 and message in result.stderr


def test_the_migrations_match_the_models():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "yrd.settings.test"},
    )
    assert result.returncode == 0, result.stdout
