"""The filmed clips window's keys in one table: the window binds them, and Help → Keyboard
shortcuts (F1) lists them (without loading Qt Multimedia)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

PLAY = "Space"
BACK = "Left"
ON = "Right"
SPEED_KEYS = ("1", "2", "3")
"""1×, ½× and ¼×, in the order of the replay's speeds."""
DELETE = QKeySequence(QKeySequence.StandardKey.Delete)
"""The platform's own Delete key, and only it: X11 also gives Ctrl+D, which elsewhere in Hinge
stars a drill and is too near to delete a clip with."""


def tr(text: str) -> str:
    return QCoreApplication.translate("ClipKeys", text)


def clip_window_keys() -> list[tuple[str, str, QKeySequence]]:
    """F1's rows for the filmed clips window: where, what, key."""
    where = tr("Filmed clips")
    rows = [
        (PLAY, tr("Play or pause the clip")),
        (BACK, tr("A frame back")),
        (ON, tr("A frame on")),
        *zip(SPEED_KEYS, (tr("Play at 1×"), tr("Play at ½×"), tr("Play at ¼×")), strict=True),
    ]
    listed = [(where, what, QKeySequence(key)) for key, what in rows]
    return [*listed, (where, tr("Delete the clip chosen (it asks first)"), DELETE)]
