"""When Python's garbage collector may stop the window: never for long, and not during an import.

A full pass of the collector walks every object it tracks while holding the GIL, so it stops
the GUI thread whichever thread starts it: about 40 ms over what Hinge builds at start-up on a
two-core laptop, and more while an import holds tens of thousands of sets. Two habits keep the
window answering:

- :func:`hold_during_start_up`, then :func:`freeze_start_up` once every view is built: what
  start-up builds (modules, classes, the catalogue, the views) lives as long as Hinge does, so
  the collector does not walk it while it is built (a full pass over it takes 50–90 ms, and the
  start's own thread, which loads modules and reads the log, could start one and free a widget
  there), and then it leaves the collector's generations, so every later pass walks only what
  came after (``gc.freeze``). Start-up leaves little cyclic garbage (about 500 objects of
  140,000), frozen with the rest. Until :func:`release`, what each import leaves alive is
  frozen too.
- :func:`importing`, around each job of the import worker, and :func:`working`, around other
  long reads on a worker (the ladder's), which leave nothing to freeze: the collector does not
  run at all while they run, and the GIL changes hands every half millisecond rather than every
  five. The collector runs on whichever thread happens to allocate when a generation fills up;
  during an import that is the worker, and a pass there would free any widget caught in a
  reference cycle off the GUI thread, where Qt must not destroy it (and stop the window as long
  as it walks). Most of what an import builds is freed by its reference count anyway. The GUI
  thread takes the GIL each time Qt calls into Python (a paint, a delegate, a slot) and waited
  up to the interval each time while the worker reads, plans or stores: a busy thread stopped
  the window for about 40 ms at 5 ms, 11 ms at 1 ms and 10 ms at 0.5 ms (idle: 8 ms), the worker
  no slower. Afterwards both come back as they were, and once start-up is frozen, what the
  import left alive (the plan the undo stack keeps to store it again) is frozen too, without a
  pass: an import leaves no reference cycles to speak of (none over 25,000 rows), and a pass
  would walk every set it read (about 10 ms).

Frozen objects are still freed by their reference counts once nothing holds them (a plan dropped
from the undo stack goes at once); only reference cycles among them wait until :func:`release`
puts them back in the collector's care.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

IMPORT_SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the GIL while another waits for it, while importing (Python's
default is 0.005)."""

_lock = threading.Lock()
_depth = 0
_freezing = False
"""Whether start-up froze what it built, and imports freeze what they leave, until released."""
_was_enabled = gc.isenabled()
_held_for_start_up = False
"""Whether :func:`hold_during_start_up` switched the collector off, for the freeze to end."""
_saved_switch = sys.getswitchinterval()
_freeze_pending = False
"""Whether an import ended while other work held the collector: freeze when the last ends."""


def hold_during_start_up() -> None:
    """Hinge is starting: no pass of the collector until :func:`freeze_start_up`."""
    global _held_for_start_up
    with _lock:
        if gc.isenabled() and _depth == 0:
            gc.disable()
            _held_for_start_up = True


def freeze_start_up() -> int:
    """Hinge is ready: move what start-up built out of the collector's generations (after a
    pass over the young ones, unless the collector was held during start-up, when all of it is
    young) and let the collector run again; from now on what an import leaves alive is frozen
    too. Returns how many objects are frozen."""
    global _freezing, _held_for_start_up
    with _lock:
        _freezing = True
        if not _held_for_start_up:
            gc.collect(1)
        gc.freeze()
        if _held_for_start_up:
            _held_for_start_up = False
            _enable_after_imports()
        return gc.get_freeze_count()


def _enable_after_imports() -> None:
    """The collector runs again, now or, while an import runs, once the last one ends."""
    global _was_enabled
    if _depth > 0:
        _was_enabled = True
    else:
        gc.enable()


def release() -> None:
    """Put every frozen object back in the collector's care (its next full pass walks them)
    and freeze nothing more after an import."""
    global _freezing
    with _lock:
        _freezing = False
        gc.unfreeze()


def is_freezing() -> bool:
    """Whether start-up's objects are frozen, and an import's survivors will be."""
    return _freezing


def is_importing() -> bool:
    """Whether an import's job (or another long read on a worker) is running, with the
    collector held back."""
    return _depth > 0


@contextmanager
def importing() -> Iterator[None]:
    """While the body runs (on any thread): no pass of the collector, and a GIL that changes
    hands every half millisecond; then both as before, and (once start-up is frozen) what is
    left alive frozen: the plan an import leaves lives as long as its undo.

    Nested or overlapping uses hold the settings until the last one ends."""
    _enter()
    try:
        yield
    finally:
        _leave(freeze=True)


@contextmanager
def working() -> Iterator[None]:
    """As :func:`importing`, for a long read on a worker (the ladder's, after each change of the
    log), which leaves nothing to keep: nothing is frozen afterwards."""
    _enter()
    try:
        yield
    finally:
        _leave(freeze=False)


def _enter() -> None:
    global _depth, _was_enabled, _saved_switch
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            _saved_switch = sys.getswitchinterval()
            gc.disable()
            sys.setswitchinterval(min(_saved_switch, IMPORT_SWITCH_INTERVAL))
        _depth += 1


def _leave(*, freeze: bool) -> None:
    global _depth, _freeze_pending
    with _lock:
        _depth -= 1
        _freeze_pending = _freeze_pending or freeze
        if _depth > 0:
            return
        if _was_enabled:
            gc.enable()
        sys.setswitchinterval(_saved_switch)
        if _freezing and _freeze_pending:
            gc.freeze()
        _freeze_pending = False
