"""/compare attaches a ratings chart; chart:false leaves it out; a failure never blocks the reply."""

from tests.render.test_chart import png_size


def reply_of(result):
    return result.followups[0] if result.followups else result.message


async def test_compare_attaches_the_chart_inside_the_embed(running):
    result = await running.fake.slash(
        "compare", {"first": "pytorch", "second": "jax", "aspect": "performance"}, timeout=20
    )
    reply = reply_of(result)
    embed = reply.embeds[0]
    assert embed["image"]["url"] == "attachment://chart.png"
    assert "Ratings are editorial" in embed["description"]
    (upload,) = [r for r in running.fake.requests if r.files]
    (png,) = upload.files.values()
    assert png_size(png)[0] == 800


async def test_the_reasons_link_comes_from_the_settings(tmp_path, shipped_dir, versus_settings):
    from tests.discord_app.conftest import make_bot
    from tests.fakediscord import FakeDiscord

    url = "https://example.org/versus/knowledge/matrix.yaml"
    async with FakeDiscord() as fake:
        bot = make_bot(versus_settings(VERSUS_RATINGS_URL=url), shipped_dir, tmp_path / "v.db")
        await fake.start_client(bot)
        try:
            result = await fake.slash("compare", {"first": "jax", "second": "keras"}, timeout=20)
            assert f"[Every rating and its reason]({url})" in reply_of(result).embeds[0]["description"]
        finally:
            await fake.stop_client()


async def test_chart_false_leaves_it_out(running):
    result = await running.fake.slash("compare", {"first": "pytorch", "second": "jax", "chart": False})
    assert "image" not in result.message.embeds[0]
    assert not [r for r in running.fake.requests if r.files]


async def test_a_chart_that_fails_to_render_does_not_block_the_text(running, monkeypatch):
    import bot.discord_app.client as client

    def broken(data):
        raise RuntimeError("no fonts today")

    monkeypatch.setattr(client, "render_png", broken)
    result = await running.fake.slash(
        "compare", {"first": "keras", "second": "jax", "aspect": "mobile"}, timeout=20
    )
    reply = reply_of(result)
    assert reply.embeds[0]["title"] == "Keras vs JAX — Mobile & edge"
    assert "image" not in reply.embeds[0]
