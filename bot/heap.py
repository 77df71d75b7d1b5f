"""Keeping the garbage collector's pauses out of answers.

The knowledge index, the command tree and discord.py's state are built once and
live as long as the process, yet CPython's full collections walk them again and
again: in a burst of questions such a pause lands on every answer in flight.
``settle`` moves everything alive now out of the collector's sight
(``gc.freeze``); it runs once the bot is set up and again after each knowledge
reload, first releasing the previous freeze so an old engine can be collected.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect garbage now, then exempt every surviving object from future collections."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
