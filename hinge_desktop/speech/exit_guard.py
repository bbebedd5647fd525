"""The voice's workers stopped in order when Python exits, even those nobody closed.

Closing the speaker stops its threads (the app does so as it quits). This is the net under
every other way out: a script that ends without closing, an exception that skips the close, a
quit before the speaker was handed to the window. Without it, PySide's clean-up destroys a
QThread that still runs, which aborts the process ("QThread: Destroyed while thread … is still
running"), and the speech engine's thread may be inside espeak-ng while the interpreter goes.

The hooks run newest first, from Python's ``atexit``, which calls the hooks registered last
first: PySide registers its own clean-up (destroying the application) when QtCore is imported,
and this module imports QtCore before registering, so the voice stops while Qt still stands.
"""

from __future__ import annotations

import atexit
import itertools
import threading
import traceback
from collections.abc import Callable

from PySide6 import QtCore

_lock = threading.Lock()
_hooks: dict[int, Callable[[], None]] = {}
_order = itertools.count()
_restore_qt_messages = False


def close_at_exit(close: Callable[[], None]) -> Callable[[], None]:
    """Call ``close`` when Python exits, unless the function returned is called first (as a
    worker closed the ordinary way calls it). Keeps ``close``, and what it is bound to, alive
    until then: a worker whose thread runs must not be destroyed under it."""
    key = next(_order)
    with _lock:
        _hooks[key] = close

    def forget() -> None:
        with _lock:
            _hooks.pop(key, None)

    return forget


def qt_messages_to_qt_at_exit() -> None:
    """At exit, once the workers are closed, hand Qt's messages back to Qt's own handler.

    A Python message handler (``qt_messages.drop_qt_message``) cannot run once the interpreter
    is gone, but Qt still speaks after that: Qt Multimedia's libraries report their unloading
    from C++ exit handlers when ``QT_DEBUG_PLUGINS=1`` is set, and that call into the finalised
    interpreter was a segmentation fault (exit 139). Qt's own handler writes to standard error.
    """
    global _restore_qt_messages
    _restore_qt_messages = True


def _run_exit_hooks() -> None:
    """Close what is still open, newest first; then Qt's messages go back to Qt."""
    global _restore_qt_messages
    with _lock:
        hooks = [_hooks[key] for key in sorted(_hooks, reverse=True)]
        _hooks.clear()
    for hook in hooks:
        try:
            hook()
        except Exception:  # one that fails must not keep the others from stopping
            traceback.print_exc()
    if _restore_qt_messages:
        _restore_qt_messages = False
        QtCore.qInstallMessageHandler(None)


atexit.register(_run_exit_hooks)
