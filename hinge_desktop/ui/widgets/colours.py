"""Hinge's own colours, which the light and dark palettes share (its green and the red of what
went wrong), and the blend of two colours that shades are made with."""

from __future__ import annotations

from PySide6.QtGui import QColor

ACCENT = "#2f7d6d"
"""Hinge's green: buttons, selection, the logo."""

ERROR = "#c0392b"
"""The red of a message that something went wrong."""

ERROR_STYLE = f"color: {ERROR};"
"""The style sheet of a label that says what went wrong."""


def mix(colour: QColor, towards: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` (0 to 1) of the way to ``towards``, opaque."""
    return QColor.fromRgbF(
        colour.redF() + (towards.redF() - colour.redF()) * amount,
        colour.greenF() + (towards.greenF() - colour.greenF()) * amount,
        colour.blueF() + (towards.blueF() - colour.blueF()) * amount,
    )
