"""Per-member, per-channel conversation context and cooldowns (in memory)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine import Answer, Context

ConversationKey = tuple[int, int]
"""(user id, channel id): a member's conversation in one channel or DM."""
MAX_CONVERSATIONS = 10_000


@dataclass
class Conversations:
    """The last answer of each conversation, forgotten after ``ttl`` seconds."""

    ttl: float
    _turns: dict[ConversationKey, Context] = field(default_factory=dict)

    def context(self, key: ConversationKey, now: float) -> Context | None:
        turn = self._turns.get(key)
        if turn is None or now - turn.at > self.ttl:
            self._turns.pop(key, None)
            return None
        return turn

    def remember(self, key: ConversationKey, answer: Answer, now: float) -> None:
        if not answer.answered:
            return
        if len(self._turns) >= MAX_CONVERSATIONS:
            self._prune(now)
        self._turns[key] = Context(answer, now)

    def forget(self, user_id: int) -> None:
        for key in [k for k in self._turns if k[0] == user_id]:
            del self._turns[key]

    def _prune(self, now: float) -> None:
        for key in [k for k, turn in self._turns.items() if now - turn.at > self.ttl]:
            del self._turns[key]
        while len(self._turns) >= MAX_CONVERSATIONS:  # still full: drop the oldest
            del self._turns[next(iter(self._turns))]


@dataclass
class Cooldowns:
    """At most one question per member every ``seconds`` (0 turns it off)."""

    _last: dict[int, float] = field(default_factory=dict)

    def wait_left(self, user_id: int, seconds: float, now: float) -> float:
        """Seconds the member must still wait; 0 means go ahead (and starts a new wait)."""
        last = self._last.get(user_id)
        if seconds > 0 and last is not None and now - last < seconds:
            return seconds - (now - last)
        self._last[user_id] = now
        if len(self._last) > MAX_CONVERSATIONS:
            for key in [k for k, t in self._last.items() if now - t > 3600]:
                del self._last[key]
        return 0.0
