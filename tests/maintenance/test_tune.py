import datetime as dt

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.maintenance.regression import load_cases
from bot.maintenance.tune import sweep
from bot.storage import StoredQuestion
from tests.maintenance.test_regression import MINI_TESTS


def voted(text, key, up, down):
    return StoredQuestion(
        1, dt.datetime(2026, 11, 1, tzinfo=dt.UTC), 1, text, key.split(":")[0], (key,), 0.9, up, down
    )


def test_sweep_counts_each_label_at_each_threshold_pair(write_knowledge):
    directory = write_knowledge({"tests.yaml": MINI_TESTS})
    engine = Engine(load_knowledge(directory).knowledge)
    cases, _ = load_cases(directory)
    feedback = [
        voted("How do I install Alpha?", "faq:install", up=2, down=0),  # right, still given
        voted("alpha vs beta", "compare:alpha,beta@all", up=0, down=3),  # wrong, still given
        voted("cons of alpha", "faq:install", up=0, down=1),  # wrong before, something else now
        voted("tied vote", "faq:install", up=1, down=1),  # no label: skipped
    ]
    rows = sweep(engine, cases, feedback, answer_steps=(0.5, 1.0), suggest_steps=(0.0, 0.99))
    assert [(r.answer, r.suggest) for r in rows] == [(0.5, 0.0), (1.0, 0.0), (1.0, 0.99)]
    lenient, strict, declining = rows
    assert lenient.total == strict.total == declining.total == 4 + 3
    assert (lenient.right, lenient.wrong, lenient.changed) == (4, 2, 1)
    # A stricter answer threshold turns some outright answers into suggestions, no more.
    assert strict.right + strict.suggested == lenient.right
    assert strict.suggested > lenient.suggested
    # Only answers at full confidence survive a 0.99 suggestion threshold.
    assert declining.right < lenient.right
    assert declining.declined > 0
    assert declining.declined_well == 2  # the down-voted answers are no longer given
