from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError


def test_defaults_without_environment(tmp_path):
    settings = Settings.from_env({"XDG_DATA_HOME": str(tmp_path)})
    assert settings.discord_token is None
    assert settings.knowledge_dir is None
    assert settings.db_path == tmp_path / "versus" / "versus.db"
    assert settings.context_ttl == 300
    assert settings.message_content is False
    assert settings.retention_days == 90
    assert 0 < settings.suggest_threshold <= settings.answer_threshold <= 1


def test_values_are_parsed_and_typed():
    settings = Settings.from_env(
        {
            "DISCORD_TOKEN": " abc.def.ghi ",
            "VERSUS_KNOWLEDGE_DIR": "/tmp/k",
            "VERSUS_DB_PATH": "/tmp/v.db",
            "VERSUS_DEV_GUILD_ID": "123",
            "VERSUS_MAINTAINER_IDS": "1, 2,3",
            "VERSUS_ANSWER_THRESHOLD": "0.7",
            "VERSUS_SUGGEST_THRESHOLD": "0.4",
            "VERSUS_CONTEXT_TTL": "60",
            "VERSUS_MESSAGE_CONTENT": "on",
            "VERSUS_LOG_LEVEL": "debug",
            "VERSUS_RETENTION_DAYS": "30",
            "VERSUS_SHARD_COUNT": "4",
            "VERSUS_SHARD_IDS": "0,1",
        }
    )
    assert settings.discord_token == "abc.def.ghi"
    assert settings.knowledge_dir == Path("/tmp/k")
    assert settings.maintainer_ids == frozenset({1, 2, 3})
    assert (settings.answer_threshold, settings.suggest_threshold) == (0.7, 0.4)
    assert settings.message_content is True
    assert settings.log_level == "DEBUG"
    assert settings.shard_ids == (0, 1)


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"VERSUS_ANSWER_THRESHOLD": "high"}, "VERSUS_ANSWER_THRESHOLD: expected a number between 0 and 1"),
        ({"VERSUS_ANSWER_THRESHOLD": "1.5"}, "VERSUS_ANSWER_THRESHOLD"),
        ({"VERSUS_MAINTAINER_IDS": "12,abc"}, "VERSUS_MAINTAINER_IDS: expected a Discord id"),
        ({"VERSUS_MESSAGE_CONTENT": "maybe"}, "VERSUS_MESSAGE_CONTENT: expected on/off"),
        ({"VERSUS_LOG_LEVEL": "loud"}, "VERSUS_LOG_LEVEL: expected one of"),
        ({"VERSUS_RETENTION_DAYS": "-3"}, "VERSUS_RETENTION_DAYS: expected a positive whole number"),
        ({"VERSUS_SHARD_IDS": "0"}, "VERSUS_SHARD_IDS: needs VERSUS_SHARD_COUNT"),
        ({"VERSUS_SHARD_COUNT": "2", "VERSUS_SHARD_IDS": "0,2"}, "out of range"),
        ({"VERSUS_ANSWER_THRESHOLD": "0.3", "VERSUS_SUGGEST_THRESHOLD": "0.5"}, "must not exceed"),
        (
            {"VERSUS_ANSWER_TRESHOLD": "0.5"},
            "VERSUS_ANSWER_TRESHOLD: unknown setting (did you mean VERSUS_ANSWER_THRESHOLD?)",
        ),
    ],
)
def test_bad_values_name_the_variable(env, needle):
    with pytest.raises(SettingsError) as info:
        Settings.from_env(env)
    assert needle in str(info.value)


def test_masked_hides_the_token():
    shown = Settings.from_env({"DISCORD_TOKEN": "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.tail"}).masked()
    assert "secret" not in shown["DISCORD_TOKEN"]
    assert shown["DISCORD_TOKEN"].startswith("****")
    assert set(shown) == set(Settings.env_names())


def test_dotenv_is_read_and_the_environment_wins(tmp_path):
    from bot.settings import parse_dotenv

    assert parse_dotenv("A=1\n# note\n\nexport B = \"two words\"\nC='x'\n") == {
        "A": "1",
        "B": "two words",
        "C": "x",
    }
    dotenv = tmp_path / ".env"
    dotenv.write_text("VERSUS_COOLDOWN=7\nVERSUS_RETENTION_DAYS=30\n")
    settings = Settings.from_env({"VERSUS_RETENTION_DAYS": "10"}, dotenv=dotenv)
    assert (settings.cooldown, settings.retention_days) == (7.0, 10)
    dotenv.write_text("VERSUS_COOLDOWN=7\nVERSUS_TYPO=1\n")
    with pytest.raises(SettingsError, match="VERSUS_TYPO: unknown setting"):
        Settings.from_env({}, dotenv=dotenv)
