import json
import os
import secrets
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand

from yrd.core.crypto import keyring
from yrd.core.crypto.suites import SUITES, current_suite

INDEX_ALGORITHM = {"sha256": "hmac-sha256", "sm3": "hmac-sm3"}


class Command(BaseCommand):
    help = (
        "Add a new field encryption key to a keyring file (creating it, with a blind-index key, if absent) and "
        "make it current. Older keys stay so stored values still decrypt; then restart and run rotate_keys."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the keyring file (FIELD_ENCRYPTION_KEYS_FILE)")
        parser.add_argument("--suite", choices=sorted(SUITES), help="default: CRYPTO_SUITE")
        parser.add_argument("--index", action="store_true", help="also start a new blind-index key")

    def handle(self, *args, file, suite=None, index=False, **options):
        suite = SUITES[suite] if suite else current_suite()
        path = Path(file)
        ring = json.loads(path.read_text()) if path.exists() else {"keys": {}, "index_keys": {}}
        key_id = _new_id("k")
        ring["keys"][key_id] = keyring.generate_key(suite.cipher)
        ring["current"] = key_id
        if index or not ring["index_keys"]:
            index_id = _new_id("i")
            ring["index_keys"][index_id] = keyring.generate_key(INDEX_ALGORITHM[suite.hash])
            ring["index_current"] = index_id
        text = json.dumps(ring, indent=2)
        keyring.parse_keyring(text)  # never write a keyring this platform cannot read
        temporary = path.with_name(path.name + ".new")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(text + "\n")
        os.replace(temporary, path)
        self.stdout.write(self.style.SUCCESS(f"Key {key_id} ({suite.cipher}) added to {path} and made current."))
        self.stdout.write("Restart the web and worker processes, then run `manage.py rotate_keys`.")


def _new_id(prefix: str) -> str:
    return f"{prefix}{date.today():%Y%m%d}-{secrets.token_hex(2)}"
