import struct

import pytest

from bot.render.chart import ChartCache, chart_data, render_png


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    return width, height


def test_chart_data_holds_exactly_the_frameworks_and_aspect_asked_for(engine):
    kb = engine.knowledge
    data = chart_data(kb, ["jax", "pytorch", "keras"], "mobile-edge")
    assert data.frameworks == ("jax", "pytorch", "keras")
    assert data.aspects == ("mobile-edge",)
    cells = kb.aspects["mobile-edge"].cells
    assert data.ratings == ((cells["jax"].rating, cells["pytorch"].rating, cells["keras"].rating),)
    assert data.title == "JAX vs PyTorch vs Keras — Mobile & edge"


def test_chart_data_for_every_aspect(engine):
    kb = engine.knowledge
    data = chart_data(kb, ["pytorch", "tensorflow"])
    assert data.aspects == tuple(kb.aspects)
    assert all(len(row) == 2 and all(1 <= r <= 5 for r in row) for row in data.ratings)


def test_unknown_names_are_refused(engine):
    with pytest.raises(ValueError, match="unknown framework"):
        chart_data(engine.knowledge, ["pytorch", "mxnet"])
    with pytest.raises(ValueError, match="unknown aspect"):
        chart_data(engine.knowledge, ["pytorch", "jax"], "vibes")


@pytest.mark.parametrize(
    ("frameworks", "aspect"),
    [(["pytorch", "jax"], "performance"), (["pytorch", "tensorflow", "jax", "keras"], None)],
)
def test_render_gives_a_png_at_discord_preview_scale(engine, frameworks, aspect):
    png = render_png(chart_data(engine.knowledge, frameworks, aspect))
    width, height = png_size(png)
    assert width == 800
    assert 300 <= height <= 900
    assert len(png) < 500_000


def test_cache_keeps_the_most_recent(engine):
    cache = ChartCache(size=2)
    kb = engine.knowledge
    a, b, c = (chart_data(kb, ["pytorch", fw]) for fw in ("jax", "keras", "tensorflow"))
    cache.put(a, b"a")
    cache.put(b, b"b")
    assert cache.get(a) == b"a"  # a is now the most recent
    cache.put(c, b"c")
    assert cache.get(b) is None and cache.get(a) == b"a" and len(cache) == 2
