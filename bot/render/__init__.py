"""Rendering answers as terminal text, JSON and neutral cards."""
