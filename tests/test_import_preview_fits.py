"""The import preview's lines are shown whole at its own size: the reason for the unit, which
wraps, is never cut off by the table below it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from test_import_dialog import Hinge
from test_import_preview_units import strong_file
from test_import_units import LB_DAY, strong_rows


def test_the_unit_reason_is_shown_whole(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    hinge = Hinge(qtbot, data_dir)
    try:
        dialog = hinge.preview(strong_file(tmp_path, strong_rows(LB_DAY)))
        dialog.show()
        qtbot.waitExposed(dialog)
        reason = dialog.findChild(QLabel, "importUnitReason")
        assert reason is not None
        for width in (dialog.width(), 560):
            dialog.resize(width, dialog.height())
            qtbot.wait(50)
            assert reason.height() >= reason.heightForWidth(reason.width()), width
    finally:
        hinge.close()
