"""``versus chart``: the ratings chart a ``/compare`` reply shows, drawn to a file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.cli.common import EXIT_OK, CliError
from bot.engine import Engine
from bot.render.chart import chart_data, render_png


def run_chart(engine: Engine, names: Sequence[str], aspect: str | None, output: str, out: TextIO) -> int:
    kb = engine.knowledge
    frameworks: list[str] = []
    for name in names:
        framework = kb.framework_by_name(name)
        if framework is None:
            raise CliError(f"unknown framework {name!r}; known: {', '.join(kb.frameworks)}")
        if framework.id not in frameworks:
            frameworks.append(framework.id)
    if len(frameworks) < 2:
        raise CliError("a chart compares two or more different frameworks")
    aspect_id = None
    if aspect:
        aspect_id = engine.aspect_named(aspect)
        if aspect_id is None:
            raise CliError(f"unknown aspect {aspect!r}; known: {', '.join(kb.aspects)}")
    png = render_png(chart_data(kb, frameworks, aspect_id))
    try:
        Path(output).write_bytes(png)
    except OSError as exc:
        raise CliError(f"cannot write {output}: {exc.strerror}", 1) from None
    print(f"wrote {output} ({len(png) // 1024} KB)", file=out)
    return EXIT_OK
