"""Versus: a Discord bot that answers questions about deep-learning frameworks."""

__version__ = "0.1.0"
