from django.core.management.base import BaseCommand

from yrd.core.registry import registry


class Command(BaseCommand):
    help = "Load (or update) every module's real reference data: jurisdictions, roles, plan areas..."

    def handle(self, *args, **options):
        for label, load in registry.loaders("reference"):
            summary = load()
            self.stdout.write(f"{label}: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
