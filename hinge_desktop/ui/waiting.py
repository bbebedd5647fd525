"""Waiting, with the event loop running, for an answer from a background lane: how the loaders
of History, Today and the ladder let ``--screenshot``, a restore and the tests wait for theirs."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance


def wait_until(
    done: Callable[[], bool], signals: Iterable[SignalInstance], timeout_ms: int
) -> bool:
    """Handle events until ``done()`` holds, looked at again each time one of ``signals`` is
    emitted, or until ``timeout_ms`` have passed; returns ``done()``."""
    if done():
        return True
    watched = list(signals)
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    for signal in watched:
        signal.connect(loop.quit)
    timer.start(timeout_ms)
    while not done() and timer.isActive():
        loop.exec()
    timer.stop()
    for signal in watched:
        signal.disconnect(loop.quit)
    return done()
