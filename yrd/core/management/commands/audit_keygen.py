import os

from django.core.management.base import BaseCommand, CommandError

from yrd.core.crypto.signing import generate_signing_key, parse_signing_key
from yrd.core.crypto.suites import SUITES, current_suite


class Command(BaseCommand):
    help = (
        "Make a signing key for the audit checkpoints (Ed25519, or SM2 for the sm suite) in a file only its "
        "owner can read, and print its public key for AUDIT_TRUSTED_KEYS on the hosts that verify."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the private key (must not exist)")
        parser.add_argument("--suite", choices=sorted(SUITES), help="default: CRYPTO_SUITE")

    def handle(self, *args, file, suite=None, **options):
        algorithm = SUITES[suite].signature if suite else current_suite().signature
        text = generate_signing_key(algorithm)
        try:
            descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise CommandError(f"{file} exists; a signing key is never overwritten.") from None
        with os.fdopen(descriptor, "w") as handle:
            handle.write(text + "\n")
        public = parse_signing_key(text).public
        self.stdout.write(self.style.SUCCESS(f"{algorithm} signing key written to {file} (mode 600)."))
        self.stdout.write(f"Set AUDIT_SIGNING_KEY_FILE={file} where checkpoints are made.")
        self.stdout.write(f"Public key (key id {public.key_id}), for AUDIT_TRUSTED_KEYS where they are verified:")
        self.stdout.write(public.text)
