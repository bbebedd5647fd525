"""File → Export everything as JSON, and Export as CSV beside it: the file chosen in the save
dialog is written on the background reader's thread, the status bar says how many sets went
out, and the JSON imports back into an empty log with every set and the person's own drills
under their names."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE, PAIRS
from open_dialogs import open_dialog
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.imports.model import ImportFormat
from hinge_desktop.domain.imports.plan import own_drill_id
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.transfer.export_action import install_exports

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
SET_COLUMNS = (
    "drill_id, performed_at, utc_offset, set_number, side, reps, hold_seconds, weight, unit, "
    "band, rpe, kind, note"
)


class Window:
    def __init__(self, qtbot: QtBot, store: Store, data_dir: Path) -> None:
        self.qtbot = qtbot
        self.store = store
        self.window = MainWindow(Preferences(data_dir / "settings.ini"))
        qtbot.addWidget(self.window)
        self.reader = BackgroundReader(self.store.path, parent=self.window)
        self.messages: list[str] = []

    def install(self) -> None:
        install_exports(
            (self.window.export_action, self.window.export_json_action),
            self.window,
            self.store,
            CATALOGUE,
            self.reader,
            self.messages.append,
        )

    def save_as(self, dialog_name: str, target: Path) -> None:
        """Pick ``target`` in the save dialog that the action opened."""
        dialog = open_dialog(QFileDialog, dialog_name)
        dialog.fileSelected.emit(str(target))
        dialog.close()


@pytest.fixture
def hinge(qtbot: QtBot, store: Store, data_dir: Path) -> Iterator[Window]:
    window = Window(qtbot, store, data_dir)
    yield window
    window.reader.shutdown()


def import_fixture(store: Store, file: str) -> None:
    path = FIXTURES / file
    store_import(store.db, prepare_import(store.db, path, read_export(path), PAIRS, Unit.KG))


def sets_of(store: Store) -> list[tuple[object, ...]]:
    return store.db.execute(f"SELECT {SET_COLUMNS} FROM sets ORDER BY 1, 2, 4, 5").fetchall()


def test_the_export_actions_wait_for_the_log_and_have_shortcuts(hinge: Window) -> None:
    actions = (hinge.window.export_action, hinge.window.export_json_action)
    assert [action.isEnabled() for action in actions] == [False, False]
    assert hinge.window.export_json_action.objectName() == "exportJsonAction"
    assert hinge.window.export_json_action.shortcut().toString() == "Ctrl+Shift+E"
    assert hinge.window.export_action.shortcut().toString() == "Ctrl+E"

    hinge.install()

    assert [action.isEnabled() for action in actions] == [True, True]


def test_the_json_export_writes_a_file_that_imports_back(hinge: Window, tmp_path: Path) -> None:
    import_fixture(hinge.store, "hevy_kg.csv")
    import_fixture(hinge.store, "strong_weight_kg.csv")
    CustomDrillRepository(hinge.store.db).rename(
        own_drill_id("Bench Press (Barbell)"), "Bench press"
    )
    hinge.install()
    target = tmp_path / "everything.json"

    hinge.window.export_json_action.trigger()
    hinge.save_as("exportJsonDialog", target)
    hinge.qtbot.waitUntil(lambda: hinge.messages[-1].startswith("Exported"))

    assert hinge.messages == [
        f"Exporting to {target}…",
        f"Exported 34 sets to {target}",
    ]
    fresh = open_store(tmp_path / "fresh.sqlite3")
    try:
        parsed = read_export(target)
        assert parsed.format is ImportFormat.HINGE_JSON
        outcome = store_import(fresh.db, prepare_import(fresh.db, target, parsed, PAIRS, Unit.KG))
        assert outcome.sets_added == 34
        assert sets_of(fresh) == sets_of(hinge.store)
        names = CustomDrillRepository(fresh.db).names()
        assert names[own_drill_id("Bench Press (Barbell)")] == "Bench press"
    finally:
        fresh.close()


def test_the_csv_export_runs_in_the_background_with_own_drill_names(
    hinge: Window, tmp_path: Path
) -> None:
    import_fixture(hinge.store, "hevy_kg.csv")
    CustomDrillRepository(hinge.store.db).rename(own_drill_id("Plank"), "Front plank")
    hinge.install()
    target = tmp_path / "log.csv"

    hinge.window.export_action.trigger()
    hinge.save_as("exportDialog", target)
    hinge.qtbot.waitUntil(lambda: hinge.messages[-1].startswith("Exported"))

    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 27
    assert {row["drill"] for row in rows if row["drill_id"] == own_drill_id("Plank")} == {
        "Front plank"
    }


def test_a_failed_export_says_why_and_leaves_nothing(
    hinge: Window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_fixture(hinge.store, "hevy_kg.csv")
    hinge.install()
    opened: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: opened.append(box))
    target = tmp_path / "missing-folder" / "everything.json"

    hinge.window.export_json_action.trigger()
    hinge.save_as("exportJsonDialog", target)
    hinge.qtbot.waitUntil(lambda: bool(opened))

    (box,) = opened
    assert box.objectName() == "exportErrorBox"
    assert "missing-folder" in box.text()
    assert not target.exists()
