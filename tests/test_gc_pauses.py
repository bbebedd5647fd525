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
    switch = sys.getswitchinterval()
    gc.unfreeze()
    yield
    gc_pauses.release()
    gc.enable()
    sys.setswitchinterval(switch)


def test_an_import_runs_without_the_collector_and_then_all_is_as_before() -> None:
    switch = sys.getswitchinterval()
    assert gc.isenabled()
    with gc_pauses.importing():
        assert gc_pauses.is_importing()
        assert not gc.isenabled()
        assert sys.getswitchinterval() == pytest.approx(gc_pauses.IMPORT_SWITCH_INTERVAL)
    assert not gc_pauses.is_importing()
    assert gc.isenabled()
    assert sys.getswitchinterval() == switch


def test_a_failed_import_gives_the_settings_back_too() -> None:
    switch = sys.getswitchinterval()
    with pytest.raises(ValueError, match="not an export"), gc_pauses.importing():
        raise ValueError("not an export")
    assert gc.isenabled()
    assert sys.getswitchinterval() == switch


def test_overlapping_imports_hold_the_settings_until_the_last_ends() -> None:
    outer = gc_pauses.importing()
    outer.__enter__()
    with gc_pauses.importing():
        assert not gc.isenabled()
    assert not gc.isenabled()
    outer.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_long_read_on_a_worker_freezes_nothing_but_an_import_with_it_does() -> None:
    gc_pauses.freeze_start_up()
    frozen = gc.get_freeze_count()
    with gc_pauses.working():
        assert not gc.isenabled()
        kept = [Thing() for _ in range(100)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    outer = gc_pauses.working()
    outer.__enter__()
    with gc_pauses.importing():
        kept += [Thing() for _ in range(100)]
    assert gc.get_freeze_count() == frozen  # frozen once the read ends too
    outer.__exit__(None, None, None)
    assert gc.get_freeze_count() >= frozen + 200
    assert len(kept) == 200


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_pauses.importing():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_start_up_is_frozen_and_released() -> None:
    assert not gc_pauses.is_freezing()
    frozen = gc_pauses.freeze_start_up()
    assert frozen > 1000  # modules, classes, functions: everything so far
    assert gc_pauses.is_freezing()
    gc_pauses.release()
    assert gc.get_freeze_count() == 0
    assert not gc_pauses.is_freezing()


def test_start_up_runs_no_pass_until_its_objects_are_frozen() -> None:
    gc_pauses.hold_during_start_up()
    assert not gc.isenabled()
    first, second = Thing(), Thing()
    first.partner, second.partner = second, first
    built = weakref.ref(first)
    gc_pauses.freeze_start_up()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 1000
    del first, second
    gc.collect()
    assert built() is not None  # built while starting: frozen with the rest, never walked


def test_an_import_under_way_keeps_the_collector_off_past_the_freeze() -> None:
    gc_pauses.hold_during_start_up()
    with gc_pauses.importing():
        gc_pauses.freeze_start_up()
        assert not gc.isenabled()
    assert gc.isenabled()


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


def test_the_import_worker_never_runs_the_collector(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass on the worker's thread would free there any widget caught in a reference cycle,
    where Qt must not destroy it: the worker reads with the collector off, and what the import
    leaves is frozen without a pass."""
    export = tmp_path / "strong.csv"
    export.write_text(STRONG, encoding="utf-8")
    seen: list[tuple[bool, float]] = []
    niceness: list[int] = []
    passes: list[int] = []
    read_export = import_worker.read_export

    def reading(*args: Any, **kwargs: Any) -> Any:
        seen.append((gc.isenabled(), sys.getswitchinterval()))
        if sys.platform.startswith("linux"):
            niceness.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        for _ in range(5000):  # enough to start a pass of the youngest generation
            Thing().partner = Thing()
        return read_export(*args, **kwargs)

    def count_pass(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(threading.get_ident())

    monkeypatch.setattr(import_worker, "read_export", reading)
    gc_pauses.freeze_start_up()
    frozen = gc.get_freeze_count()
    runner = ImportRunner(store.path, before_writing=None)
    previews: list[ImportPreview] = []
    gc.callbacks.append(count_pass)
    try:
        runner.prepare(export, [], Unit.KG, previews.append, pytest.fail)
        qtbot.waitUntil(lambda: bool(previews))
    finally:
        gc.callbacks.remove(count_pass)
        runner.shutdown()
    assert seen == [(False, gc_pauses.IMPORT_SWITCH_INTERVAL)]
    assert set(passes) <= {threading.main_thread().ident}
    if sys.platform.startswith("linux"):  # the worker gives way to the window for a core
        assert niceness[0] >= import_worker.WORKER_NICE
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen  # the preview the dialog keeps
    assert previews[0].prepared.new_sets == 2
    assert previews[0].first is not None
    assert previews[0].first.date().isoformat() == "2026-03-02"
