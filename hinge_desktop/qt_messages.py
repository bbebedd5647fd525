"""Keep known, harmless Qt messages off the person's terminal; every other message still shows."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_dropped: set[str] = set()
_installed = False


def drop_qt_message(message: str) -> None:
    """Never print ``message`` (an exact Qt message); the handler before ours gets the rest."""
    global _installed
    _dropped.add(message)
    if _installed:
        return
    _installed = True
    previous = None

    def handler(mode: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if text in _dropped:
            return
        if previous is not None:
            previous(mode, context, text)
        else:
            sys.stderr.write(text + "\n")

    previous = qInstallMessageHandler(handler)
