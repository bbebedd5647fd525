"""What a screenshot of Hinge shows, read from its pixels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from hinge_desktop.ui.shell.theme import ACCENT


def chart_ink(path: Path) -> int:
    """How many of the sampled pixels (every other one) in the area left of the records, where
    History's chart draws its line, are in Hinge's green."""
    image = QImage(str(path))
    accent = QColor(ACCENT)
    return sum(
        1
        for x in range(300, 980, 2)
        for y in range(120, 480, 2)
        if abs(image.pixelColor(x, y).red() - accent.red()) < 30
        and abs(image.pixelColor(x, y).green() - accent.green()) < 30
        and abs(image.pixelColor(x, y).blue() - accent.blue()) < 30
    )
