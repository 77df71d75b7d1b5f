"""Members asking: /ask, autocomplete, mentions, DMs, "Ask Versus", feedback and suggestions."""

import sqlite3

from bot.storage import GuildSettings


def custom_ids(message, prefix):
    return [c for c in message.custom_ids if c.startswith(prefix)]


async def test_commands_are_synced_once_and_not_again_when_unchanged(
    running, tmp_path, shipped_dir, versus_settings
):
    from tests.discord_app.conftest import make_bot

    assert running.fake.syncs == 1
    (put,) = running.fake.find_requests("PUT", "/commands")
    names = {command["name"] for command in put.json}
    assert {
        "ask",
        "compare",
        "pros",
        "cons",
        "verdict",
        "faq",
        "help",
        "kb",
        "settings",
        "privacy",
        "Ask Versus",
    } <= names
    await running.fake.stop_client()
    again = make_bot(versus_settings(), shipped_dir, tmp_path / "v.db")
    await running.fake.start_client(again)
    assert running.fake.syncs == 1  # the stored hash matched: no second sync


async def test_ask_answers_with_an_embed_votes_and_no_pings(running):
    result = await running.fake.slash("ask", {"question": "pytorch vs tensorflow for mobile?"})
    assert result.type == 4
    assert not result.ephemeral
    (embed,) = result.message.embeds
    assert embed["title"] == "PyTorch vs TensorFlow — Mobile & edge"
    assert [f["name"].split(" · ")[0] for f in embed["fields"]] == ["PyTorch", "TensorFlow"]
    assert "confidence" in embed["footer"]["text"]
    votes = custom_ids(result.message, "v:vote:")
    assert len(votes) == 2 and votes[0].endswith(":up") and votes[1].endswith(":down")
    assert result.callback["data"]["allowed_mentions"] == {"parse": []}


async def test_autocomplete_ranks_by_the_engine_not_by_substring(running):
    choices = await running.fake.autocomplete("ask", "question", "pytroch on phnoe")
    assert 0 < len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    mobile = running.bot.engine.knowledge.faq["pytorch-mobile"].question
    assert mobile in [c["value"] for c in choices[:3]]
    assert len(await running.fake.autocomplete("ask", "question", "")) == 25


async def test_votes_are_stored_once_per_member_and_can_change(running, tmp_path):
    result = await running.fake.slash("ask", {"question": "cons of jax"})
    up, down = custom_ids(result.message, "v:vote:")
    clicked = await running.fake.click(result.message, up)
    assert clicked.ephemeral and "Thanks" in clicked.message.content
    await running.fake.click(result.message, down)
    await running.fake.click(result.message, down, user=running.manager)
    rows = sqlite3.connect(tmp_path / "v.db").execute("SELECT vote FROM feedback ORDER BY vote").fetchall()
    assert rows == [(-1,), (-1,)]  # alice changed hers; the moderator voted once


async def test_related_buttons_show_entries_to_the_clicker(running):
    result = await running.fake.slash("ask", {"question": "can I run pytorch models on a phone"})
    related = custom_ids(result.message, "v:show:")
    assert 1 <= len(related) <= 3
    shown = await running.fake.click(result.message, related[0])
    assert shown.ephemeral and shown.message.embeds


async def test_middling_answers_offer_did_you_mean(running):
    await running.bot.storage.save_guild_settings(
        GuildSettings(running.fake.guild_id, answer_threshold=1.0, suggest_threshold=0.1)
    )
    result = await running.fake.slash("ask", {"question": "executorch?"})
    assert "v:pick" in result.message.custom_ids
    select = result.message.component("v:pick")
    value = select["options"][0]["value"]
    picked = await running.fake.select(result.message, "v:pick", [value])
    assert picked.ephemeral and picked.message.embeds


async def test_declines_offer_the_closest_entries_as_buttons(running):
    await running.bot.storage.save_guild_settings(
        GuildSettings(running.fake.guild_id, answer_threshold=1.0, suggest_threshold=1.0)
    )
    result = await running.fake.slash("ask", {"question": "executorch?"})
    assert result.message.embeds[0]["title"] == "Not sure about that one"
    assert "v:show:faq:pytorch-mobile" in result.message.custom_ids
    assert not custom_ids(result.message, "v:vote:")


async def test_a_mention_is_answered_as_a_reply_without_pinging_anyone(running):
    bot_id = running.fake.bot_id
    replies = await running.fake.send_message(f"<@{bot_id}> @everyone cons of tf", mentions=[bot_id])
    (reply,) = replies
    assert reply.embeds[0]["title"] == "Cons of TensorFlow"
    assert reply.reference is not None
    assert reply.allowed_mentions == {"parse": [], "replied_user": False}


async def test_dms_are_answered_and_other_messages_ignored(running):
    (reply,) = await running.fake.send_message("pros of keras", dm=True)
    assert reply.embeds[0]["title"] == "Pros of Keras"
    assert await running.fake.send_message("pros of keras") == []  # no mention, no auto-answer
    robot = running.fake.add_user("otherbot", bot=True)
    bot_id = running.fake.bot_id
    assert await running.fake.send_message(f"<@{bot_id}> cons of jax", author=robot, mentions=[bot_id]) == []


async def test_ask_versus_message_command(running):
    target = running.fake.create_message("is jax only for tpus or does it work on gpus")
    result = await running.fake.message_command("Ask Versus", target)
    assert result.type == 4
    assert result.message.embeds


async def test_follow_ups_lean_on_the_members_previous_question(running):
    await running.fake.slash("ask", {"question": "pytorch vs tensorflow?"})
    result = await running.fake.slash("ask", {"question": "what about for mobile?"})
    assert result.message.embeds[0]["title"] == "PyTorch vs TensorFlow — Mobile & edge"
    other = await running.fake.slash("ask", {"question": "what about for mobile?"}, user=running.manager)
    assert other.message.embeds[0]["title"] != "PyTorch vs TensorFlow — Mobile & edge"


async def test_buttons_for_an_entry_that_was_removed_are_answered_politely(running):
    import dataclasses

    from bot.engine import Engine

    result = await running.fake.slash("ask", {"question": "can I run pytorch models on a phone"})
    related = custom_ids(result.message, "v:show:faq:")
    gone = related[0].removeprefix("v:show:faq:")
    kb = running.bot.engine.knowledge
    trimmed = dataclasses.replace(kb, faq={k: v for k, v in kb.faq.items() if k != gone})
    running.bot.knowledge._engine = Engine(trimmed)  # as a reload that deleted the entry would
    stale = await running.fake.click(result.message, related[0])
    assert stale.ephemeral and "no longer in the knowledge" in stale.message.content


async def test_the_bot_resumes_after_a_dropped_connection(running):
    await running.fake.drop_connection()
    await running.fake.wait_for(lambda: running.fake.resumes >= 1, what="a RESUME")
    result = await running.fake.slash("ask", {"question": "cons of keras"})
    assert result.message.embeds[0]["title"] == "Cons of Keras"
    assert running.fake.identifies == 1
