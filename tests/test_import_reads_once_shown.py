"""File → Import's preview starts reading the file once it is on screen, so its first paint
does not share the GIL with the worker; a preview that is never painted reads all the same."""

from __future__ import annotations

from pathlib import Path

from drill_catalogue import CATALOGUE
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.transfer.import_dialog import ImportDialog
from hinge_desktop.ui.transfer.import_worker import ImportRunner
from hinge_desktop.ui.transfer.once_painted import OncePainted

FIXTURE = Path(__file__).parent / "fixtures" / "imports" / "strong_weight_kg.csv"


def test_the_work_waits_for_the_first_paint(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    done: list[bool] = []
    waiting = OncePainted(widget, lambda: done.append(widget.isVisible()))
    qtbot.wait(10)
    assert done == []
    assert waiting.is_pending()
    widget.show()
    qtbot.waitUntil(lambda: bool(done))
    assert done == [True]
    assert not waiting.is_pending()
    widget.update()
    qtbot.wait(20)
    assert done == [True]  # once


def test_the_work_starts_without_a_paint_after_a_while(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    done: list[bool] = []
    OncePainted(widget, lambda: done.append(widget.isVisible()))
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert done == [False]


def test_the_preview_reads_once_it_is_shown(qtbot: QtBot, store: Store) -> None:
    assert FIXTURE.exists()
    runner = ImportRunner(store.path, before_writing=None)
    names = DrillNames(CATALOGUE, CustomDrillRepository(store.db))
    try:
        dialog = ImportDialog(FIXTURE, runner, names)
        qtbot.addWidget(dialog)
        assert not runner.is_busy()
        dialog.open()
        with qtbot.waitSignal(dialog.prepared_shown, timeout=10_000):
            pass
        prepared = dialog.prepared()
        assert prepared is not None
        assert prepared.new_sets > 0
        assert dialog.pages.currentIndex() == 1
    finally:
        runner.shutdown()


def test_a_preview_never_shown_reads_all_the_same(qtbot: QtBot, store: Store) -> None:
    runner = ImportRunner(store.path, before_writing=None)
    names = DrillNames(CATALOGUE, CustomDrillRepository(store.db))
    try:
        dialog = ImportDialog(FIXTURE, runner, names)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.prepared_shown, timeout=10_000):
            pass
        assert dialog.prepared() is not None
    finally:
        runner.shutdown()
