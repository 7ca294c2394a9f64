"""A fixed stand-in for the transport module's travel times in this module's tests: great-circle
distance x 1.3 at 60 km/h plus half an hour of loading. Tests of what the allocation does with travel
times need numbers they can reason about, not the transport network of the day."""

import numpy as np

ROAD_FACTOR, KMH, LOADING_HOURS = 1.3, 60.0, 0.5


def straight_line(origins, destinations, **_options) -> np.ndarray:
    a = np.radians(np.array(origins, dtype=float).reshape(-1, 2))
    b = np.radians(np.array(destinations, dtype=float).reshape(-1, 2))
    lat1, lon1 = a[:, :1], a[:, 1:]
    lat2, lon2 = b[:, 0][None, :], b[:, 1][None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(h))
    return LOADING_HOURS + ROAD_FACTOR * km / KMH
