"""Tools for the people who keep the knowledge: regression tests, gaps, tuning, reload."""
