from bot.engine import Engine
from bot.render.terminal import render_terminal, wrap_table


def test_wrap_table_fits_the_width_and_keeps_every_word():
    rows = [
        ["Graph type", "eager by default with optional graphs", "x"],
        ["Speed", "fast", "a b c d e f g h"],
    ]
    table = wrap_table(["Aspect", "PyTorch", "TensorFlow"], rows, width=40)
    lines = table.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[1].startswith("---")
    words = " ".join(lines)
    for word in "eager by default with optional graphs".split():
        assert word in words


def test_terminal_matrix_shows_every_aspect_unclipped(shipped_dir):
    engine = Engine.from_directory(shipped_dir)
    answer = engine.ask("pytorch vs jax")
    text = render_terminal(answer, engine.knowledge, width=120)
    assert all(len(line) <= 120 for line in text.splitlines())
    for aspect in engine.knowledge.aspects.values():
        assert aspect.name.split()[0] in text
    assert "…" not in text.split("Ratings")[0]  # wrapped, not clipped


def test_other_answers_print_the_engine_text(shipped_dir):
    engine = Engine.from_directory(shipped_dir)
    answer = engine.ask("cons of jax")
    assert render_terminal(answer, engine.knowledge) == answer.text
