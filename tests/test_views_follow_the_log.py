"""Views that show what is in the log keep up with it while Hinge runs: Settings' totals after a
set is logged or taken back, and Library → Routines after a Hinge JSON import brings routines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.domain.plan import PlanEntry
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.wiring import InstalledViews, install_views
from hinge_desktop.ui.transfer.import_dialog import ImportDialog


class HingeWindow:
    def __init__(self, qtbot: QtBot, data_dir: Path) -> None:
        self.qtbot = qtbot
        self.paths = DataPaths(root=data_dir)
        self.store: Store = open_store(self.paths.database)
        self.window = MainWindow(Preferences(self.paths.settings))
        qtbot.addWidget(self.window)
        self.views: InstalledViews = install_views(
            self.window,
            Preferences(self.paths.settings),
            self.store,
            self.paths,
            RecordingSpeaker(),
        )
        self.window.show()
        qtbot.waitExposed(self.window)

    def show(self, view: str) -> None:
        self.window.show_view(view)

    def widget(self, kind, name):  # type: ignore[no-untyped-def]
        found = self.window.findChild(kind, name)
        assert found is not None, name
        return found

    def click(self, name: str) -> None:
        button = self.widget(QAbstractButton, name)
        assert button.isEnabled(), name
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def show_drill(self, drill_id: str) -> None:
        self.views.workout.show_drill(self.views.catalogue.get(drill_id))
        self.show("workout")

    def skip_to(self, kind: StepKind) -> None:
        for _ in range(200):
            timeline = self.views.workout.timeline()
            assert timeline is not None
            if timeline.moment().step.kind is kind:
                return
            self.views.workout.skip()
        raise AssertionError(f"no {kind}")

    def close(self) -> None:
        self.views.workout.unload()
        self.views.shutdown()
        self.store.close()


@pytest.fixture
def hinge(qtbot: QtBot, data_dir: Path) -> Iterator[HingeWindow]:
    app = HingeWindow(qtbot, data_dir)
    yield app
    app.close()


def totals(hinge: HingeWindow) -> tuple[str, str]:
    return (
        hinge.widget(QLabel, "setCountLabel").text(),
        hinge.widget(QLabel, "workoutCountLabel").text(),
    )


def test_settings_counts_the_sets_logged_since_hinge_started(hinge: HingeWindow) -> None:
    hinge.show("settings")
    assert totals(hinge) == ("0", "0")
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS)
    hinge.click("logSetButton")
    hinge.show("settings")
    assert totals(hinge) == ("1", "1")
    # Taken back while Settings is shown: the totals follow at once.
    hinge.views.undo_stack.undo()
    assert totals(hinge)[0] == "0"


def test_a_hinge_json_import_brings_its_routines_into_the_library_at_once(
    hinge: HingeWindow, tmp_path: Path
) -> None:
    catalogue = builtin_catalogue()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = open_store(elsewhere / "hinge.sqlite3")
    try:
        made = other.routines.create("Morning hinge")
        other.routines.add_drill(made.id, PlanEntry.of(catalogue.get("glute-bridge")))
        other.sets.add(LoggedSet("glute-bridge", datetime.now().astimezone(), reps=10))
        exported = tmp_path / "hinge.json"
        export_json(other.db, exported)
    finally:
        other.close()
    routines = hinge.window.view("drills").routines
    assert routines.model.row_of(made.id) < 0

    hinge.window.import_action.trigger()
    (chooser,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QFileDialog) and w.objectName() == "importFileDialog"
    ]
    chooser.fileSelected.emit(str(exported))
    chooser.close()
    dialog = hinge.window.findChild(ImportDialog, "importDialog")
    assert dialog is not None
    hinge.qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    with hinge.qtbot.waitSignal(dialog.imported):
        hinge.qtbot.mouseClick(
            dialog.findChild(QPushButton, "importButton"), Qt.MouseButton.LeftButton
        )
    hinge.qtbot.waitUntil(lambda: routines.model.row_of(made.id) >= 0)
    assert (made.id, "Morning hinge") in routines.routine_names()
