"""Frameworks a question names through their APIs: "tf.function", "@jax.jit", "torch.compile".

A question that sets such APIs side by side ("tf.function vs jax.jit vs torch.compile,
what's the difference?") asks about the APIs, which an FAQ entry explains, more than
about the frameworks, which the comparison table sets side by side (see precedence.py).
"""

from __future__ import annotations

import re
from types import MappingProxyType

from bot.knowledge import KnowledgeBase

_DOTTED = re.compile(r"(?<![\w.])([A-Za-z]+)\.([A-Za-z_]\w*)")
"""A name, a dot and an identifier: "tf.function", "jax.jit" (not "v2.15", not "a.b" inside "x.a.b")."""
WEB_ENDINGS = frozenset({"org", "com", "io", "dev", "ai", "net", "google", "readthedocs"})
"""What follows the dot in a site's name ("pytorch.org", "keras.io"), which names no API."""


class ApiNames:
    """Which frameworks a text names by one of their APIs, for one knowledge base."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        names = {
            name.lower(): fw.id
            for fw in knowledge.frameworks.values()
            for name in (fw.id, fw.name, *fw.aliases)
            if name.isalpha()
        }
        self._framework_of = MappingProxyType(names)

    def frameworks(self, text: str) -> frozenset[str]:
        """The frameworks ``text`` names as "<name>.<identifier>"."""
        if "." not in text:
            return frozenset()
        return frozenset(
            self._framework_of[name.lower()]
            for name, after in _DOTTED.findall(text)
            if name.lower() in self._framework_of and after.lower() not in WEB_ENDINGS
        )
