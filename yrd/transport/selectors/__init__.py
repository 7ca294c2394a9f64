"""Every read of the transport app, scoped by the caller where the data is not public."""

from .network import (
    current_planner,
    hubs_public,
    links_public,
    network_export,
    network_version,
    parameters_snapshot,
)
from .shipments import (
    carrier_tokens_visible_to,
    hub_throughput,
    route_queries_visible_to,
    route_query_visible_to,
    shipment_visible_to,
    shipments_include_demo,
    shipments_visible_to,
    tracked,
    tracked_list,
    with_ledger,
)

__all__ = [
    "carrier_tokens_visible_to",
    "current_planner",
    "hub_throughput",
    "hubs_public",
    "links_public",
    "network_export",
    "network_version",
    "parameters_snapshot",
    "route_queries_visible_to",
    "route_query_visible_to",
    "shipment_visible_to",
    "shipments_include_demo",
    "shipments_visible_to",
    "tracked",
    "tracked_list",
    "with_ledger",
]
