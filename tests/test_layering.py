"""The core (knowledge, engine, render) must not pull in Discord or the database."""

import ast
import subprocess
import sys
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"
CORE = ("bot.knowledge", "bot.engine", "bot.render", "bot.settings", "bot.limits")


def test_importing_the_core_loads_neither_discord_nor_aiosqlite():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "from bot.knowledge import default_knowledge_dir, load_knowledge\n"
        + "load_knowledge(default_knowledge_dir())\n"
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'discord', 'aiosqlite', 'aiohttp'})\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_dependency_direction():
    """knowledge → nothing of ours; engine → knowledge; render → engine, knowledge;
    storage → nothing of ours; nobody → cli."""
    allowed = {
        "knowledge": {"bot.knowledge", "bot.limits"},
        "engine": {"bot.knowledge", "bot.engine", "bot.limits"},
        "render": {"bot.knowledge", "bot.engine", "bot.render", "bot.limits"},
        "storage": {"bot.storage"},
    }
    for package, ok in allowed.items():
        for path in (BOT / package).rglob("*.py"):
            ours = {n for n in _imports(path) if n == "bot" or n.startswith("bot.")}
            stray = {n for n in ours if not any(n == p or n.startswith(p + ".") for p in ok)}
            assert not stray, f"{path.relative_to(BOT)} imports {stray}"
    for path in BOT.rglob("*.py"):
        if "cli" in path.relative_to(BOT).parts or path.name == "__main__.py":
            continue
        assert not {n for n in _imports(path) if n.startswith("bot.cli")}, path
