import asyncio
import os

import pytest

from bot.engine import KnowledgeLoadError
from bot.maintenance.reload import KnowledgeService, ReloadReport, snapshot
from tests.conftest import MINI_FAQ


def test_start_refuses_broken_knowledge(write_knowledge):
    with pytest.raises(KnowledgeLoadError):
        KnowledgeService.start(write_knowledge({"faq.yaml": "faq: [\n"}))


def test_a_valid_change_swaps_in_and_reports_what_changed(write_knowledge):
    directory = write_knowledge()
    service = KnowledgeService.start(directory)
    before = service.engine
    edited = MINI_FAQ.replace("answer: Use pip.", "answer: Use pip or conda.")
    added = edited + (
        "  - id: gpu\n    question: Does Alpha use the GPU?\n    answer: Yes.\n"
        "    sources: [https://alpha.example.org/gpu]\n    reviewed: 2026-11-01\n"
    )
    (directory / "faq.yaml").write_text(added, encoding="utf-8")
    report = service.reload()
    assert report.ok
    assert report.added == ("faq:gpu",)
    assert report.edited == ("faq:install",)
    assert report.removed == ()
    assert service.engine is not before
    assert service.engine.ask("does alpha use the gpu?").id == "gpu"
    assert "added 1: faq:gpu" in report.summary()


def test_moving_lines_is_not_an_edit(write_knowledge):
    directory = write_knowledge()
    service = KnowledgeService.start(directory)
    (directory / "faq.yaml").write_text("\n\n" + MINI_FAQ, encoding="utf-8")
    report = service.reload()
    assert report.ok and not report.changed


def test_a_broken_change_keeps_the_last_good_knowledge_serving(write_knowledge):
    directory = write_knowledge()
    service = KnowledgeService.start(directory)
    good = service.engine
    (directory / "faq.yaml").write_text(MINI_FAQ.replace("    answer: Use pip.\n", ""), encoding="utf-8")
    report = service.reload()
    assert not report.ok
    assert service.engine is good
    assert service.engine.ask("how do I install alpha").id == "install"
    assert [(e.file, e.line) for e in report.errors] == [("faq.yaml", 2)]
    assert "last good knowledge keeps serving" in report.summary()
    assert "faq.yaml:2" in report.summary()


async def test_watch_reloads_once_after_a_burst_of_saves(write_knowledge):
    directory = write_knowledge()
    service = KnowledgeService.start(directory)
    reports: list[ReloadReport] = []
    arrived = asyncio.Event()

    async def on_report(report: ReloadReport) -> None:
        reports.append(report)
        arrived.set()

    watcher = asyncio.create_task(service.watch(on_report, interval=0.05, debounce=0.2))
    try:
        await asyncio.sleep(0.15)
        for n in range(3):  # an editor saving repeatedly
            (directory / "faq.yaml").write_text(
                MINI_FAQ.replace("Use pip.", f"Use pip {n}."), encoding="utf-8"
            )
            os.utime(directory / "faq.yaml", ns=(n + 1, (n + 1) * 1_000_000_000))
            await asyncio.sleep(0.05)
        await asyncio.wait_for(arrived.wait(), timeout=5)
        await asyncio.sleep(0.4)
    finally:
        watcher.cancel()
        with pytest.raises(asyncio.CancelledError):
            await watcher
    assert len(reports) == 1
    assert reports[0].edited == ("faq:install",)
    assert "Use pip 2." in service.knowledge.faq["install"].answer


async def test_a_failing_notifier_does_not_stop_the_watcher(write_knowledge):
    directory = write_knowledge()
    service = KnowledgeService.start(directory)
    calls = 0

    async def broken(report: ReloadReport) -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError("channel gone")

    watcher = asyncio.create_task(service.watch(broken, interval=0.02, debounce=0.05))
    try:
        for n in range(2):
            await asyncio.sleep(0.1)
            (directory / "faq.yaml").write_text(MINI_FAQ + f"# change {n}\n", encoding="utf-8")
            await asyncio.sleep(0.3)
    finally:
        watcher.cancel()
        with pytest.raises(asyncio.CancelledError):
            await watcher
    assert calls == 2


def test_snapshot_sees_additions_and_edits(write_knowledge):
    directory = write_knowledge()
    first = snapshot(directory)
    (directory / "extra.yaml").write_text("synonyms: {a: [b]}\n", encoding="utf-8")
    assert snapshot(directory) != first
