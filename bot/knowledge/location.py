"""Where the shipped knowledge lives, in a wheel and in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
PACKAGED_DIR = _PACKAGE_DIR / "_knowledge"
"""Where the wheel puts ``knowledge/`` (see ``force-include`` in pyproject.toml)."""
CHECKOUT_DIR = _PACKAGE_DIR.parent / "knowledge"
"""The checkout's own ``knowledge/``: what an editable install should serve."""


def default_knowledge_dir() -> Path:
    """The knowledge shipped with the package.

    A wheel carries it inside the package; an editable install has no copy, so
    a maintainer's edits in the checkout are what gets served.
    """
    if PACKAGED_DIR.is_dir():
        return PACKAGED_DIR
    return CHECKOUT_DIR
