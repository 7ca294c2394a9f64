"""Multimodal freight transport for the Yangtze River Economic Belt (issue 9).

Phase 1: the routing engine in `routing/`."""
