"""Green transition (plan area 6): emissions accounting for parks and factories, and planning the
region's storage build-out. Phase 1 holds the two engines as plain packages (`accounting`, `planning`)."""
