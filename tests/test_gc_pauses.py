"""The garbage collector never stops the window for long: start-up's objects are frozen once
Hinge is ready, an import runs with no full pass and a GIL that changes hands often (on a
worker thread that gives way to the window for a core), and all of it comes back as it was;
frozen objects are still freed when dropped, and cycles among them once released."""

from __future__ import annotations

import gc
import os
import sys
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import hinge_desktop.ui.transfer.import_worker as import_worker
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.store import Store
from hinge_desktop.ui import gc_pauses
from hinge_desktop.ui.transfer.import_worker import ImportPreview, ImportRunner

STRONG = (
    "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,"
    "Distance (meters),Seconds,Notes,Workout Notes\n"
    '1,2026-03-02 07:30:00,"Hinge day",3600,"Romanian Deadlift (Barbell)",1,60,8,,,,,\n'
    '1,2026-03-02 07:30:00,"Hinge day",3600,"Romanian Deadlift (Barbell)",2,60,8,,,,,\n'
)


class Thing:
    """An object the collector tracks, that a weak reference can follow."""

    def __init__(self) -> None:
        self.partner: Any = None


@pytest.fixture(autouse=True)
def as_before() -> Iterator[None]:
    """Nothing frozen at first, as in a Hinge just started; then the collector and the GIL as
    the test found them, whatever it did."""
    threshold, switch = gc.get_threshold(), sys.getswitchinterval()
    gc.unfreeze()
    yield
    gc_pauses.release()
    gc.set_threshold(*threshold)
    sys.setswitchinterval(switch)


def test_an_import_runs_without_full_passes_and_then_all_is_as_before() -> None:
    threshold, switch = gc.get_threshold(), sys.getswitchinterval()
    with gc_pauses.importing():
        assert gc_pauses.is_importing()
        young, middle, oldest = gc.get_threshold()
        assert (young, middle) == threshold[:2]
        assert oldest == gc_pauses.NO_FULL_PASS
        assert sys.getswitchinterval() == pytest.approx(gc_pauses.IMPORT_SWITCH_INTERVAL)
    assert not gc_pauses.is_importing()
    assert gc.get_threshold() == threshold
    assert sys.getswitchinterval() == switch


def test_a_failed_import_gives_the_settings_back_too() -> None:
    threshold, switch = gc.get_threshold(), sys.getswitchinterval()
    with pytest.raises(ValueError, match="not an export"), gc_pauses.importing():
        raise ValueError("not an export")
    assert gc.get_threshold() == threshold
    assert sys.getswitchinterval() == switch


def test_overlapping_imports_hold_the_settings_until_the_last_ends() -> None:
    threshold = gc.get_threshold()
    outer = gc_pauses.importing()
    outer.__enter__()
    with gc_pauses.importing():
        assert gc.get_threshold()[2] == gc_pauses.NO_FULL_PASS
    assert gc.get_threshold()[2] == gc_pauses.NO_FULL_PASS
    outer.__exit__(None, None, None)
    assert gc.get_threshold() == threshold


def test_start_up_is_frozen_and_released() -> None:
    assert not gc_pauses.is_freezing()
    frozen = gc_pauses.freeze_start_up()
    assert frozen > 1000  # modules, classes, functions: everything so far
    assert gc_pauses.is_freezing()
    gc_pauses.release()
    assert gc.get_freeze_count() == 0
    assert not gc_pauses.is_freezing()


def test_a_frozen_object_nothing_holds_is_freed_at_once() -> None:
    thing = Thing()
    gone = weakref.ref(thing)
    gc_pauses.freeze_start_up()
    del thing
    assert gone() is None


def test_frozen_cycles_wait_for_the_release() -> None:
    first, second = Thing(), Thing()
    first.partner, second.partner = second, first
    gone = weakref.ref(first)
    gc_pauses.freeze_start_up()
    del first, second
    gc.collect()
    assert gone() is not None  # frozen: no pass looks at it
    gc_pauses.release()
    gc.collect()
    assert gone() is None


def test_what_an_import_leaves_is_frozen_only_once_start_up_is() -> None:
    with gc_pauses.importing():
        kept = [Thing() for _ in range(100)]
    assert gc.get_freeze_count() == 0
    gc_pauses.freeze_start_up()
    before = gc.get_freeze_count()
    with gc_pauses.importing():
        kept += [Thing() for _ in range(100)]
    assert gc.get_freeze_count() >= before + 100
    assert len(kept) == 200


def test_the_import_worker_reads_with_full_passes_held_back(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(STRONG, encoding="utf-8")
    seen: list[tuple[int, float]] = []
    niceness: list[int] = []
    read_export = import_worker.read_export

    def reading(*args: Any, **kwargs: Any) -> Any:
        seen.append((gc.get_threshold()[2], sys.getswitchinterval()))
        if sys.platform.startswith("linux"):
            niceness.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return read_export(*args, **kwargs)

    monkeypatch.setattr(import_worker, "read_export", reading)
    threshold = gc.get_threshold()
    runner = ImportRunner(store.path, before_writing=None)
    previews: list[ImportPreview] = []
    try:
        runner.prepare(export, [], Unit.KG, previews.append, pytest.fail)
        qtbot.waitUntil(lambda: bool(previews))
    finally:
        runner.shutdown()
    assert seen == [(gc_pauses.NO_FULL_PASS, gc_pauses.IMPORT_SWITCH_INTERVAL)]
    if sys.platform.startswith("linux"):  # the worker gives way to the window for a core
        assert niceness[0] >= import_worker.WORKER_NICE
    assert gc.get_threshold() == threshold
    assert previews[0].prepared.new_sets == 2
    assert previews[0].first is not None
    assert previews[0].first.date().isoformat() == "2026-03-02"
