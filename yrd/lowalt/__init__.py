"""Low-altitude economy: infrastructure, airspace and strategic deconfliction of flight plans (issue 14)."""
