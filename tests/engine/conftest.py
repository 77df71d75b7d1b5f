import pytest

from bot.engine import Engine


@pytest.fixture(scope="session")
def engine(shipped_dir) -> Engine:
    return Engine.from_directory(shipped_dir)
