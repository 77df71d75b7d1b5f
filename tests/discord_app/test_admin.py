"""Admin commands: refused politely to others, and what they do for those allowed."""

import shutil

import pytest

from bot.storage import GuildSettings
from tests.discord_app.conftest import make_bot
from tests.fakediscord import FakeDiscord


async def test_knowledge_commands_are_for_maintainers_only(running):
    for name, options in (
        ("kb reload", {}),
        ("kb test", {"question": "x"}),
        ("kb preview", {"entry": "faq:keras"}),
    ):
        refused = await running.fake.slash(name, options, user=running.manager)
        assert refused.ephemeral
        assert "Only the knowledge maintainers" in refused.message.content


async def test_the_application_owner_may_test_and_preview(running):
    owner = running.fake.owner_id
    tested = await running.fake.slash("kb test", {"question": "pytroch on a phone"}, user=owner)
    assert tested.ephemeral and "faq:pytorch-mobile" in tested.message.content
    preview = await running.fake.slash("kb preview", {"entry": "faq:keras"}, user=owner)
    assert preview.message.embeds[0]["title"] == running.bot.engine.knowledge.faq["keras"].question
    bad = await running.fake.slash("kb preview", {"entry": "faq:nope"}, user=owner)
    assert "Can't preview 'faq:nope'" in bad.message.content


async def test_reload_reports_changes_and_keeps_serving_on_errors(tmp_path, shipped_dir, versus_settings):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(shipped_dir, knowledge)
    async with FakeDiscord() as fake:
        bot = make_bot(versus_settings(), knowledge, tmp_path / "v.db")
        await fake.start_client(bot)
        try:
            faq = knowledge / "faq" / "practice.yaml"
            faq.write_text(
                faq.read_text(encoding="utf-8").replace("id: licensing", "id: licences"), encoding="utf-8"
            )
            report = await fake.slash("kb reload", user=fake.owner_id, timeout=10)
            text = report.followups[0].content if report.followups else report.message.content
            assert "added 1: faq:licences" in text and "removed 1: faq:licensing" in text
            faq.write_text("faq:\n  - id: broken\n", encoding="utf-8")
            failed = await fake.slash("kb reload", user=fake.owner_id, timeout=10)
            text = failed.followups[0].content if failed.followups else failed.message.content
            assert "last good knowledge keeps serving" in text and "faq/practice.yaml:2" in text
            still = await fake.slash("ask", {"question": "can I use tensorflow commercially, which licence?"})
            assert still.message.embeds[0]["title"].startswith("What licenses")
        finally:
            await fake.stop_client()


async def test_settings_are_for_server_managers(running):
    refused = await running.fake.slash("settings show")
    assert refused.ephemeral and "Manage Server" in refused.message.content
    shown = await running.fake.slash("settings show", user=running.manager)
    assert "answer threshold: 0.6" in shown.message.content


async def test_auto_answer_needs_the_message_content_intent(running):
    channel = running.fake.channel_id
    refused = await running.fake.slash("settings auto-answer add", {"channel": channel}, user=running.manager)
    assert "Message Content" in refused.message.content
    assert (
        await running.bot.storage.guild_settings(running.fake.guild_id)
    ).auto_answer_channels == frozenset()


async def test_thresholds_and_roles_are_stored_per_server(running):
    fake = running.fake
    done = await fake.slash("settings thresholds", {"answer": 0.7, "suggest": 0.5}, user=running.manager)
    assert "answer 0.7, suggest 0.5" in done.message.content
    wrong = await fake.slash("settings thresholds", {"answer": 0.3, "suggest": 0.5}, user=running.manager)
    assert "must not be above" in wrong.message.content
    role = fake.add_role("Versus keepers")
    await fake.slash("settings maintainer-role", {"role": role}, user=running.manager)
    stored = await running.bot.storage.guild_settings(fake.guild_id)
    assert (stored.answer_threshold, stored.suggest_threshold, stored.maintainer_role_id) == (0.7, 0.5, role)


async def test_gaps_and_stats_for_this_server(running):
    fake = running.fake
    await fake.slash("ask", {"question": "how do i bake sourdough bread"})
    await fake.slash("ask", {"question": "how do I bake sourdough bread??"})
    gaps = await fake.slash("kb gaps", user=running.manager)
    text = gaps.followups[0].content if gaps.followups else gaps.message.content
    assert "×2" in text and "sourdough" in text
    stats = await fake.slash("kb stats", user=running.manager)
    fields = {f["name"]: f["value"] for f in stats.message.embeds[0]["fields"]}
    assert fields["Questions"] == "2"


async def test_privacy_about_and_forget(running, tmp_path):
    import sqlite3

    await running.fake.slash("ask", {"question": "cons of jax"})
    about = await running.fake.slash("privacy about")
    assert about.ephemeral and "salted hash" in about.message.embeds[0]["description"]
    forgot = await running.fake.slash("privacy forget")
    assert forgot.ephemeral and "erased 1 row(s)" in forgot.message.content
    assert sqlite3.connect(tmp_path / "v.db").execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 0


async def test_auto_answer_when_enabled_answers_confident_questions_not_twice_in_a_row(
    tmp_path, shipped_dir, versus_settings
):
    async with FakeDiscord() as fake:
        bot = make_bot(versus_settings(VERSUS_MESSAGE_CONTENT="on"), shipped_dir, tmp_path / "v.db")
        await fake.start_client(bot)
        try:
            await bot.storage.save_guild_settings(GuildSettings(fake.guild_id, frozenset({fake.channel_id})))
            assert len(await fake.send_message("pytorch vs tensorflow for deployment")) == 1
            assert await fake.send_message("cons of jax") == []  # never twice in a row
            assert await fake.send_message("lol nice weather today") == []  # not confident: silent
            assert len(await fake.send_message("jax vs keras for tpus")) == 1
        finally:
            await fake.stop_client()


@pytest.mark.parametrize("question", ["@everyone pytorch vs jax", "<@&123> cons of tf"])
async def test_no_reply_ever_pings(running, question):
    result = await running.fake.slash("ask", {"question": question})
    assert result.callback["data"]["allowed_mentions"] == {"parse": []}


async def test_a_watched_reload_is_reported_in_the_maintainers_channel(
    tmp_path, shipped_dir, versus_settings
):
    from bot.knowledge import Issue
    from bot.maintenance.reload import ReloadReport

    async with FakeDiscord() as fake:
        reports = fake.add_channel("versus-reports")
        bot = make_bot(versus_settings(), shipped_dir, tmp_path / "v.db")
        await fake.start_client(bot)
        try:
            await bot.storage.save_guild_settings(
                GuildSettings(fake.guild_id, maintainers_channel_id=reports)
            )
            failed = ReloadReport(
                False, None, errors=(Issue("faq/basics.yaml", 12, "missing required key 'answer'"),)
            )
            await bot.announce_reload(failed)
            (posted,) = [m for m in fake.sent if int(m.raw["channel_id"]) == reports]
            assert "faq/basics.yaml:12" in posted.content
            assert "last good knowledge keeps serving" in posted.content
            assert posted.allowed_mentions == {"parse": []}
            last = await bot.storage.inner.last_knowledge_load()
            assert last is not None and last[2] is False  # the failed load is recorded
        finally:
            await fake.stop_client()


async def test_maintainer_ids_and_the_application_owner_are_both_maintainers(
    tmp_path, shipped_dir, versus_settings
):
    async with FakeDiscord() as fake:
        helper = fake.add_user("helper")
        bot = make_bot(versus_settings(VERSUS_MAINTAINER_IDS=str(helper)), shipped_dir, tmp_path / "v.db")
        await fake.start_client(bot)
        try:
            for user in (helper, fake.owner_id):
                tested = await fake.slash("kb test", {"question": "cons of jax"}, user=user)
                assert "answer: cons:jax" in tested.message.content, user
            refused = await fake.slash("kb test", {"question": "cons of jax"})
            assert "Only the knowledge maintainers" in refused.message.content
        finally:
            await fake.stop_client()
