from django.core.management.base import BaseCommand
from rich.progress import track

from yrd.green.models import Scenario
from yrd.green.tasks import solve_scenario


class Command(BaseCommand):
    help = (
        "Solve planning scenarios that are queued (or the ones named by id) here, without a worker: "
        "for deployments without a Celery broker, or to solve a batch overnight."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="scenario ids; default: every queued scenario")

    def handle(self, *args, **options):
        scenarios = (
            Scenario.objects.filter(pk__in=options["ids"])
            if options["ids"]
            else Scenario.objects.filter(status=Scenario.Status.QUEUED)
        )
        for scenario in track(list(scenarios), description="Solving scenarios"):
            solve_scenario(scenario.pk)
            scenario.refresh_from_db()
            self.stdout.write(f"{scenario.pk} {scenario.name}: {scenario.status} {scenario.message}")
