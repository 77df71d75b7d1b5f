"""One typed settings object, read from the environment at start-up.

Front ends call :meth:`Settings.from_env` once and pass the value down; nothing
reads ``os.environ`` anywhere else. Every variable is prefixed ``VERSUS_``
except ``DISCORD_TOKEN``; an unknown ``VERSUS_`` name or a malformed value is
a :class:`SettingsError` naming the variable.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting is unknown or malformed; the message names the variable."""


def default_db_path(environ: Mapping[str, str]) -> Path:
    """A file in the user's data directory, per platform conventions."""
    if sys.platform == "win32":
        base = Path(environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "versus" / "versus.db"


def _env(name: str) -> Any:
    """Metadata naming the environment variable a field is read from."""
    return {"env": name}


@dataclass(frozen=True)
class Settings:
    """Effective configuration. Build it with :meth:`from_env`, then pass it down."""

    discord_token: str | None = field(default=None, metadata=_env("DISCORD_TOKEN") | {"secret": True})
    knowledge_dir: Path | None = field(default=None, metadata=_env("VERSUS_KNOWLEDGE_DIR"))
    db_path: Path | None = field(default=None, metadata=_env("VERSUS_DB_PATH"))
    dev_guild_id: int | None = field(default=None, metadata=_env("VERSUS_DEV_GUILD_ID"))
    maintainer_ids: frozenset[int] = field(default=frozenset(), metadata=_env("VERSUS_MAINTAINER_IDS"))
    answer_threshold: float = field(default=0.6, metadata=_env("VERSUS_ANSWER_THRESHOLD"))
    suggest_threshold: float = field(default=0.41, metadata=_env("VERSUS_SUGGEST_THRESHOLD"))
    context_ttl: float = field(default=300.0, metadata=_env("VERSUS_CONTEXT_TTL"))
    message_content: bool = field(default=False, metadata=_env("VERSUS_MESSAGE_CONTENT"))
    log_level: str = field(default="INFO", metadata=_env("VERSUS_LOG_LEVEL"))
    log_dms: bool = field(default=False, metadata=_env("VERSUS_LOG_DMS"))
    retention_days: int = field(default=90, metadata=_env("VERSUS_RETENTION_DAYS"))
    cooldown: float = field(default=2.0, metadata=_env("VERSUS_COOLDOWN"))
    ratings_url: str | None = field(default=None, metadata=_env("VERSUS_RATINGS_URL"))
    shard_count: int | None = field(default=None, metadata=_env("VERSUS_SHARD_COUNT"))
    shard_ids: tuple[int, ...] | None = field(default=None, metadata=_env("VERSUS_SHARD_IDS"))

    @classmethod
    def env_names(cls) -> dict[str, str]:
        """Environment variable → field name, for every setting."""
        return {f.metadata["env"]: f.name for f in fields(cls)}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        """Read settings from ``environ`` (default: the process environment).

        ``dotenv`` names an optional ``.env`` file read first; real environment
        variables win over it. With the process environment and no ``dotenv``,
        ``./.env`` is read when it exists.
        """
        env: dict[str, str] = {}
        if dotenv is None and environ is None:
            dotenv = Path(".env")
        if dotenv is not None and dotenv.is_file():
            env.update(parse_dotenv(dotenv.read_text(encoding="utf-8"), str(dotenv)))
        env.update(os.environ if environ is None else environ)
        known = cls.env_names()
        for name in env:
            if name.startswith("VERSUS_") and name not in known:
                close = difflib.get_close_matches(name, list(known), n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                raise SettingsError(f"{name}: unknown setting{hint}")

        def get(name: str, parse: Callable[[str], T], default: T) -> T:
            raw = env.get(name, "").strip()
            if not raw:
                return default
            try:
                return parse(raw)
            except ValueError as exc:
                raise SettingsError(f"{name}: {exc}") from None

        settings = cls(
            discord_token=env.get("DISCORD_TOKEN", "").strip() or None,
            knowledge_dir=get("VERSUS_KNOWLEDGE_DIR", _path, None),
            db_path=get("VERSUS_DB_PATH", _path, default_db_path(env)),
            dev_guild_id=get("VERSUS_DEV_GUILD_ID", _snowflake, None),
            maintainer_ids=get("VERSUS_MAINTAINER_IDS", _snowflakes, frozenset()),
            answer_threshold=get("VERSUS_ANSWER_THRESHOLD", _unit, cls.answer_threshold),
            suggest_threshold=get("VERSUS_SUGGEST_THRESHOLD", _unit, cls.suggest_threshold),
            context_ttl=get("VERSUS_CONTEXT_TTL", _positive_float, cls.context_ttl),
            message_content=get("VERSUS_MESSAGE_CONTENT", _flag, False),
            log_level=get("VERSUS_LOG_LEVEL", _log_level, "INFO"),
            log_dms=get("VERSUS_LOG_DMS", _flag, False),
            retention_days=get("VERSUS_RETENTION_DAYS", _positive_int, cls.retention_days),
            cooldown=get("VERSUS_COOLDOWN", _seconds, cls.cooldown),
            ratings_url=get("VERSUS_RATINGS_URL", _https_url, None),
            shard_count=get("VERSUS_SHARD_COUNT", _positive_int, None),
            shard_ids=get("VERSUS_SHARD_IDS", _int_list, None),
        )
        settings.check()
        return settings

    def check(self) -> None:
        """Cross-field rules; raises :class:`SettingsError`."""
        if self.suggest_threshold > self.answer_threshold:
            raise SettingsError(
                "VERSUS_SUGGEST_THRESHOLD: must not exceed VERSUS_ANSWER_THRESHOLD "
                f"({self.suggest_threshold} > {self.answer_threshold})"
            )
        if self.shard_ids is not None:
            if self.shard_count is None:
                raise SettingsError("VERSUS_SHARD_IDS: needs VERSUS_SHARD_COUNT as well")
            bad = [i for i in self.shard_ids if i >= self.shard_count]
            if bad:
                raise SettingsError(
                    f"VERSUS_SHARD_IDS: shard id(s) {bad} out of range for {self.shard_count} shards"
                )

    def masked(self) -> dict[str, str]:
        """Every setting by variable name, secrets masked, for display."""
        shown = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.metadata.get("secret") and value:
                text = "****" + str(value)[-4:] if len(str(value)) > 12 else "****"
            elif isinstance(value, frozenset | tuple):
                text = ",".join(str(v) for v in sorted(value))
            else:
                text = "" if value is None else str(value)
            shown[f.metadata["env"]] = text
        return shown


def parse_dotenv(text: str, name: str = ".env") -> dict[str, str]:
    """``NAME=value`` lines; blank lines and ``#`` comments skipped; ``export`` and quotes allowed."""
    values: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        stripped = stripped.removeprefix("export ").strip()
        key, sep, value = stripped.partition("=")
        key = key.strip()
        if not sep or not key.replace("_", "").isalnum():
            raise SettingsError(f"{name}:{number}: expected NAME=value, got {line.strip()!r}")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


def _path(raw: str) -> Path:
    return Path(raw).expanduser()


def _snowflake(raw: str) -> int:
    if not raw.isdigit():
        raise ValueError(f"expected a Discord id (digits only), got {raw!r}")
    return int(raw)


def _snowflakes(raw: str) -> frozenset[int]:
    return frozenset(_snowflake(part.strip()) for part in raw.split(",") if part.strip())


def _number(raw: str, accept: Callable[[float], bool], wanted: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not accept(value):  # NaN fails every test, so "abc" lands here too
        raise ValueError(f"expected {wanted}, got {raw!r}")
    return value


def _unit(raw: str) -> float:
    return _number(raw, lambda v: 0.0 <= v <= 1.0, "a number between 0 and 1")


def _positive_float(raw: str) -> float:
    return _number(raw, lambda v: v > 0, "a positive number of seconds")


def _seconds(raw: str) -> float:
    return _number(raw, lambda v: v >= 0, "zero or more seconds")


def _https_url(raw: str) -> str:
    if not raw.startswith("https://") or " " in raw:
        raise ValueError(f"expected an https:// URL, got {raw!r}")
    return raw


def _positive_int(raw: str) -> int:
    if not raw.isdigit() or int(raw) <= 0:
        raise ValueError(f"expected a positive whole number, got {raw!r}")
    return int(raw)


def _int_list(raw: str) -> tuple[int, ...]:
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        raise ValueError(f"expected comma-separated whole numbers, got {raw!r}")
    return tuple(int(p) for p in parts)


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _flag(raw: str) -> bool:
    lowered = raw.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"expected on/off (true, false, 1, 0, yes, no), got {raw!r}")


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in LOG_LEVELS:
        raise ValueError(f"expected one of {', '.join(LOG_LEVELS)}, got {raw!r}")
    return level
