"""Background work of the market module: consolidating new reports as they arrive (incremental: the known
clusters keep their ids; a nightly or manual batch run retrains the model)."""

from celery import shared_task

from yrd.core.actors import SYSTEM
from yrd.market.writes.consolidation import consolidation_run


@shared_task(name="market.consolidate_new_reports", ignore_result=True)
def consolidate_new_reports():
    consolidation_run(acting_user=SYSTEM, mode="incremental")
