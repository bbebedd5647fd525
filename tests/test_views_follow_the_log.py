"""Views that show what is in the log keep up with it while Hinge runs: Settings' totals after a
set is logged or taken back, and Library → Routines after a Hinge JSON import brings routines."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hinge_window import HingeWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.plan import PlanEntry
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.store import open_store
from hinge_desktop.ui.transfer.import_dialog import ImportDialog


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
    hinge: HingeWindow, tmp_path: Path, catalogue: Catalogue
) -> None:
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
