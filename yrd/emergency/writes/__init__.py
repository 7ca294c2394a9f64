"""Every write of the emergency app: permission-checked, validated, in one transaction, audited."""

from .allocation import allocation_confirm, allocation_discard, allocation_run
from .catalogue import WarehouseInput as WarehouseInput
from .catalogue import item_save, member_join, warehouse_save
from .commitments import Arrival as Arrival
from .commitments import Offer as Offer
from .commitments import (
    commitment_cancel,
    commitment_create,
    commitment_dispatch,
    commitment_receive,
)
from .drills import Scenario as Scenario
from .drills import drill_run
from .requests import Need as Need
from .requests import RequestInput as RequestInput
from .requests import incident_close, incident_open, request_cancel, request_raise, request_reschedule
from .stock import IssueLine as IssueLine
from .stock import ReceiptLine as ReceiptLine
from .stock import stock_adjust, stock_issue, stock_receive

__all__ = [
    "allocation_confirm",
    "allocation_discard",
    "allocation_run",
    "commitment_cancel",
    "commitment_create",
    "commitment_dispatch",
    "commitment_receive",
    "drill_run",
    "incident_close",
    "incident_open",
    "item_save",
    "member_join",
    "request_cancel",
    "request_raise",
    "request_reschedule",
    "stock_adjust",
    "stock_issue",
    "stock_receive",
    "warehouse_save",
]
