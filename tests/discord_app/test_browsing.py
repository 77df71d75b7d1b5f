"""/compare, /pros, /cons, /verdict, /faq and /help."""


async def test_compare_on_every_aspect_pages_in_place(running):
    result = await running.fake.slash("compare", {"first": "pytorch", "second": "jax", "chart": False})
    first_page = result.message.embeds[0]
    assert first_page["title"] == "PyTorch vs JAX"
    assert first_page["footer"]["text"].startswith("Page 1/2")
    (next_id,) = [c for c in result.message.custom_ids if c.startswith("v:page:")]
    turned = await running.fake.click(result.message, next_id)
    assert turned.type == 7  # the message is edited, not a new one
    second = turned.callback["data"]["embeds"][0]
    assert second["footer"]["text"].startswith("Page 2/2")
    shown = {f["name"] for f in first_page["fields"]} | {f["name"] for f in second["fields"]}
    assert shown == {a.name for a in running.bot.engine.knowledge.aspects.values()}


async def test_compare_one_aspect_with_up_to_four_frameworks(running):
    result = await running.fake.slash(
        "compare",
        {"first": "tf", "second": "torch", "third": "jax", "fourth": "keras", "aspect": "deployment"},
    )
    embed = result.message.embeds[0]
    assert embed["title"] == "TensorFlow vs PyTorch vs JAX vs Keras — Production deployment & serving"
    assert len(embed["fields"]) == 4


async def test_compare_autocompletes_frameworks_and_aspects(running):
    frameworks = await running.fake.autocomplete("compare", "first", "py")
    assert [c["value"] for c in frameworks] == ["pytorch"]
    aspects = await running.fake.autocomplete(
        "compare", "aspect", "phone", {"first": "pytorch", "second": "jax"}
    )
    assert "mobile-edge" in [c["value"] for c in aspects]


async def test_unknown_options_get_a_clear_ephemeral_message(running):
    result = await running.fake.slash("compare", {"first": "pytorch", "second": "mxnet", "chart": False})
    assert result.ephemeral
    assert "I don't know the framework 'mxnet'" in result.message.content
    same = await running.fake.slash("compare", {"first": "pytorch", "second": "torch", "chart": False})
    assert "two different frameworks" in same.message.content


async def test_pros_and_cons(running):
    pros = await running.fake.slash("pros", {"framework": "jax"})
    cons = await running.fake.slash("cons", {"framework": "keras"})
    assert pros.message.embeds[0]["title"] == "Pros of JAX"
    assert cons.message.embeds[0]["title"] == "Cons of Keras"
    assert len(cons.message.embeds[0]["fields"]) >= 3


async def test_verdict_without_a_use_case_asks_for_one_and_narrows(running):
    result = await running.fake.slash("verdict", {"first": "pytorch", "second": "tensorflow"})
    embed = result.message.embeds[0]
    assert embed["title"] == "Verdict: PyTorch vs TensorFlow"
    assert "What flips it" in [f["name"] for f in embed["fields"]]
    (select_id,) = [c for c in result.message.custom_ids if c.startswith("v:uc:")]
    narrowed = await running.fake.select(result.message, select_id, ["mobile"])
    assert narrowed.type == 7
    assert (
        narrowed.callback["data"]["embeds"][0]["title"]
        == "Verdict: PyTorch vs TensorFlow — for mobile & edge"
    )


async def test_verdict_for_all_frameworks_and_a_use_case(running):
    result = await running.fake.slash("verdict", {"use_case": "research"})
    assert result.message.embeds[0]["title"].endswith("— for research")
    assert not [c for c in result.message.custom_ids if c.startswith("v:uc:")]


async def test_faq_browses_by_topic_with_pages(running):
    result = await running.fake.slash("faq")
    embed = result.message.embeds[0]
    assert embed["footer"]["text"].startswith("Page 1/")
    assert "v:faqtag" in result.message.custom_ids and "v:faqshow" in result.message.custom_ids
    (next_id,) = [c for c in result.message.custom_ids if c.startswith("v:faqpage:")]
    paged = await running.fake.click(result.message, next_id)
    assert paged.callback["data"]["embeds"][0]["footer"]["text"].startswith("Page 2/")
    opened = await running.fake.select(
        result.message, "v:faqshow", [result.message.component("v:faqshow")["options"][0]["value"]]
    )
    assert opened.ephemeral and opened.message.embeds
    tag = result.message.component("v:faqtag")["options"][1]["value"]  # the most common topic
    narrowed = await running.fake.select(result.message, "v:faqtag", [tag])
    assert narrowed.type == 7
    narrowed_embed = narrowed.callback["data"]["embeds"][0]
    assert narrowed_embed["title"] == f"Frequently asked questions · {tag}"
    tagged = [e.question for e in running.bot.engine.knowledge.faq.values() if tag in e.tags]
    assert narrowed_embed["footer"]["text"].endswith(f"{len(tagged)} questions")


async def test_help_is_ephemeral_and_mentions_privacy(running):
    result = await running.fake.slash("help")
    assert result.ephemeral
    assert "Privacy" in result.message.embeds[0]["description"]
