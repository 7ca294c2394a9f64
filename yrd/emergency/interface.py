"""What other modules may use of the emergency module: its published figures, read live (the plan
tracker reads them through the manifest's stats; a dashboard of another module calls these)."""

from yrd.emergency.stats import cities_ready_12h, delivered_on_time, warehouses

__all__ = ["cities_ready_12h", "delivered_on_time", "warehouses"]
