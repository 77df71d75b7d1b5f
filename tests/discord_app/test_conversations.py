from bot.discord_app.conversations import Conversations, Cooldowns
from bot.engine import Answer


def answer(kind="cons"):
    return Answer("q", kind, 0.9, "text", framework="jax" if kind != "none" else None)


def test_context_per_member_and_channel_expires():
    conversations = Conversations(ttl=300)
    conversations.remember((1, 10), answer(), now=0)
    assert conversations.context((1, 10), now=299) is not None
    assert conversations.context((1, 11), now=1) is None  # another channel
    assert conversations.context((2, 10), now=1) is None  # another member
    assert conversations.context((1, 10), now=301) is None  # expired


def test_declines_do_not_become_context_and_forget_clears_a_member():
    conversations = Conversations(ttl=300)
    conversations.remember((1, 10), answer("none"), now=0)
    assert conversations.context((1, 10), now=1) is None
    conversations.remember((1, 10), answer(), now=0)
    conversations.remember((2, 10), answer(), now=0)
    conversations.forget(1)
    assert conversations.context((1, 10), now=1) is None
    assert conversations.context((2, 10), now=1) is not None


def test_cooldown():
    cooldowns = Cooldowns()
    assert cooldowns.wait_left(1, 2.0, now=0.0) == 0
    assert cooldowns.wait_left(1, 2.0, now=0.5) == 1.5
    assert cooldowns.wait_left(2, 2.0, now=0.5) == 0  # per member
    assert cooldowns.wait_left(1, 2.0, now=2.5) == 0
    assert cooldowns.wait_left(1, 0.0, now=2.6) == 0  # zero turns it off
