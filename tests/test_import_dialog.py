"""File → Import as a person uses it: choose an export, read the preview (format, dates, what is
added and what is in the log already, which drill each exercise becomes), choose the unit of a
file that has none, see every bad line of a broken file, import on the worker's thread with the
window answering, then take the import back with Edit → Undo and redo it; checked against the
real database."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from hinge_window import StartHinge
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.imports.model import KNOWN_FORMATS
from hinge_desktop.domain.imports.plan import own_drill_id
from hinge_desktop.domain.plan import PlanEntry
from hinge_desktop.domain.training import Unit
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.importing.writer import ImportOutcome
from hinge_desktop.storage.own_drill_stats import OwnDrillStatsReader
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.history.workout_list_view import WorkoutListView
from hinge_desktop.ui.library.own_drills_view import OwnDrillsView
from hinge_desktop.ui.preferences import CHART_UNIT, Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.transfer.import_action import ImportController, install_import
from hinge_desktop.ui.transfer.import_dialog import ImportDialog
from hinge_desktop.ui.transfer.import_text import imported_text
from hinge_desktop.ui.transfer.import_worker import BackUp

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    """Dates and numbers as a British reader sees them ("7 Apr 2026", "1,234")."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


class Hinge:
    """The window with the log, the progress charts, the person's own drills and File → Import,
    composed as the app composes them."""

    def __init__(self, qtbot: QtBot, data_dir: Path, before_writing: BackUp | None = None) -> None:
        self.qtbot = qtbot
        self.paths = DataPaths(root=data_dir)
        self.store: Store = open_store(self.paths.database)
        self.preferences = Preferences(self.paths.settings)
        self.preferences.set(CHART_UNIT, "kg")
        self.window = MainWindow(self.preferences)
        qtbot.addWidget(self.window)
        self.names = DrillNames(CATALOGUE, CustomDrillRepository(self.store.db), self.window)
        self.undo = QUndoStack(self.window)
        self.window.set_undo_stack(self.undo)
        self.log = WorkoutListView(self.store, CATALOGUE, self.undo, names=self.names)
        self.reader = BackgroundReader(self.store.path, parent=self.window)
        self.progress = ProgressView(self.reader, CATALOGUE, self.preferences, names=self.names)
        self.undo.indexChanged.connect(self.progress.mark_stale)
        self.own = OwnDrillsView(self.names, OwnDrillStatsReader(self.store.db))
        self.messages: list[str] = []
        self.changes = 0

        def changed() -> None:
            self.changes += 1
            self.log.mark_stale()
            self.progress.mark_stale()
            self.own.mark_stale()

        if before_writing is None:
            self.importing = install_import(
                self.window.import_action,
                self.window,
                self.store,
                self.names,
                self.preferences,
                self.undo,
                changed,
                self.messages.append,
                backups=self.paths.backups,
            )
        else:
            self.importing = ImportController(
                self.window,
                self.store,
                self.names,
                self.preferences,
                self.undo,
                self.messages.append,
                before_writing=before_writing,
                parent=self.window,
            )
            self.importing.log_changed.connect(changed)

    def preview(self, name: str | Path) -> ImportDialog:
        path = name if isinstance(name, Path) else FIXTURES / name
        dialog = self.importing.preview(path)
        self.qtbot.waitUntil(lambda: dialog.pages.currentIndex() != 0)
        return dialog

    def import_file(self, name: str) -> None:
        dialog = self.preview(name)
        with self.qtbot.waitSignal(dialog.imported):
            self.qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    def wait_for_change(self, act: Callable[[], None]) -> None:
        before = self.changes
        act()
        self.qtbot.waitUntil(lambda: self.changes > before)

    def sets(self) -> int:
        count: int = self.store.db.execute("SELECT count(*) FROM sets").fetchone()[0]
        return count

    def close(self) -> None:
        self.importing.shutdown()
        self.reader.shutdown()
        self.store.close()


@pytest.fixture
def hinge(qtbot: QtBot, data_dir: Path) -> Iterator[Hinge]:
    app = Hinge(qtbot, data_dir)
    yield app
    app.close()


def label(dialog: ImportDialog, name: str) -> str:
    found = dialog.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def rows(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    table = dialog.exercises
    return [
        (item.text(0), item.text(1), item.text(2))
        for item in (table.topLevelItem(i) for i in range(table.topLevelItemCount()))
        if item is not None
    ]


# The preview ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "app", "dates", "adds"),
    [
        (
            "hevy_kg.csv",
            "Hevy (CSV export)",
            "17 Mar 2026 to 7 Apr 2026",
            "27 sets in 5 workouts, 4 new drills of your own",
        ),
        (
            "strong_weight_kg.csv",
            "Strong (CSV export)",
            "14 May 2024 to 16 May 2024",
            "7 sets in 2 workouts, 3 new drills of your own",
        ),
        (
            "fitnotes_kgs.csv",
            "FitNotes (CSV export)",
            "3 Mar 2026 to 24 Mar 2026",
            "14 sets in 4 workouts, 4 new drills of your own",
        ),
        (
            "hinge_export.csv",
            "Hinge (CSV export)",
            "29 Mar 2024 to 2 Apr 2024",
            "12 sets in 3 workouts",
        ),
    ],
)
def test_the_preview_shows_the_app_the_dates_and_what_is_added(
    hinge: Hinge, file: str, app: str, dates: str, adds: str
) -> None:
    dialog = hinge.preview(file)

    assert dialog.pages.currentIndex() == 1
    assert label(dialog, "importHeading") == file
    assert label(dialog, "importFormat") == app
    assert label(dialog, "importDates") == dates
    assert label(dialog, "importAdds") == adds
    assert label(dialog, "importSkipped") == "none of these sets"
    assert dialog.import_button.isEnabled()
    assert hinge.sets() == 0, "a preview stores nothing"
    dialog.reject()


def test_each_exercise_shows_the_drill_it_becomes(hinge: Hinge) -> None:
    dialog = hinge.preview("hevy_kg.csv")

    shown = rows(dialog)
    assert ("Romanian Deadlift (Barbell)", "→ Romanian deadlift", "9") in shown
    assert ("Bench Press (Barbell)", "→ new drill of your own", "3") in shown
    assert ("Good Morning (Barbell)", "→ Barbell good morning", "2") in shown
    assert len(shown) == 8
    assert dialog.import_button.text() == "Import 27 sets"
    dialog.reject()


def test_an_exercise_imported_before_becomes_that_drill_under_its_new_name(hinge: Hinge) -> None:
    hinge.import_file("hevy_kg.csv")
    hinge.names.rename(own_drill_id("Bench Press (Barbell)"), "Bench press")

    dialog = hinge.preview("hevy_lbs.csv")

    assert ("Bench Press (Barbell)", "→ Bench press", "3") in rows(dialog)
    dialog.reject()


def test_a_hinge_json_file_names_the_drills_of_ones_own_it_brings(
    hinge: Hinge, tmp_path: Path
) -> None:
    other = open_store(tmp_path / "other.sqlite3")
    try:
        path = FIXTURES / "hevy_kg.csv"
        pairs = hinge.names.catalogue_pairs()
        store_import(other.db, prepare_import(other.db, path, read_export(path), pairs, Unit.KG))
        CustomDrillRepository(other.db).rename(own_drill_id("Bench Press (Barbell)"), "Bench press")
        export_json(other.db, tmp_path / "everything.json")
    finally:
        other.close()

    dialog = hinge.preview(tmp_path / "everything.json")

    assert label(dialog, "importFormat") == "Hinge (JSON export of the whole log)"
    assert label(dialog, "importAdds") == "27 sets in 5 workouts"
    shown = rows(dialog)
    assert ("Romanian deadlift", "→ Romanian deadlift", "9") in shown
    assert ("Bench press", "→ Bench press", "3") in shown
    # The file names drills by id; the preview never does.
    assert not [row for row in shown if "-" in row[0] or ":" in row[0]]
    dialog.reject()


def test_a_hinge_json_file_says_how_many_routines_come_with_it(
    hinge: Hinge, tmp_path: Path
) -> None:
    mine = RoutineRepository(hinge.store.db).create("Evening hinge")
    other = open_store(tmp_path / "other.sqlite3")
    try:
        path = FIXTURES / "hevy_kg.csv"
        pairs = hinge.names.catalogue_pairs()
        store_import(other.db, prepare_import(other.db, path, read_export(path), pairs, Unit.KG))
        routines = RoutineRepository(other.db)
        for name in ("Morning activation", "Deadlift day"):
            made = routines.create(name)
            routines.add_drill(made.id, PlanEntry("glute-bridge", 2, 12, None, 60))
        routines.restore(mine)  # one the log has already: it does not come again
        export_json(other.db, tmp_path / "everything.json")
    finally:
        other.close()

    dialog = hinge.preview(tmp_path / "everything.json")

    assert label(dialog, "importAdds") == "27 sets in 5 workouts, 2 routines"
    adds = dialog.findChild(QLabel, "importAdds")
    assert adds is not None
    assert adds.toolTip() == "Routines that come too: Morning activation, Deadlift day"
    with hinge.qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    names = sorted(r.name for r in RoutineRepository(hinge.store.db).all())
    assert names == ["Deadlift day", "Evening hinge", "Morning activation"]


def test_sets_already_in_the_log_are_counted_and_not_added_again(hinge: Hinge) -> None:
    hinge.import_file("hevy_kg.csv")
    hinge.store.db.execute("DELETE FROM sets WHERE id = (SELECT max(id) FROM sets)")
    hinge.store.db.conn.commit()

    dialog = hinge.preview("hevy_kg.csv")

    assert label(dialog, "importSkipped") == "26 sets, not added again"
    assert label(dialog, "importAdds").startswith("1 set in ")
    with hinge.qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert hinge.sets() == 27
    assert hinge.messages[-1].endswith("; 26 sets already in your log were skipped")


def test_a_file_wholly_in_the_log_cannot_be_imported_again(hinge: Hinge) -> None:
    hinge.import_file("strong_weight_kg.csv")

    dialog = hinge.preview("strong_weight_kg.csv")

    assert label(dialog, "importSkipped") == "7 sets, not added again"
    assert not dialog.import_button.isEnabled()
    assert "in your log already" in label(dialog, "importVerdict")
    dialog.reject()


def test_the_unit_chooser_shows_only_for_weights_without_a_unit(hinge: Hinge) -> None:
    with_unit = hinge.preview("hevy_kg.csv")
    assert not with_unit.unit_box.isVisibleTo(with_unit)
    with_unit.reject()

    without = hinge.preview("strong_unitless.csv")
    assert without.unit_box.isVisibleTo(without)
    assert without.findChild(QComboBox, "importUnit") is without.unit_box
    assert without.chosen_unit() is Unit.KG, "62.5 and 52.5 are kg steps"
    without.reject()


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_the_unit_chosen_is_the_unit_stored(hinge: Hinge, unit: str) -> None:
    dialog = hinge.preview("strong_unitless.csv")

    if unit == "lb":
        with hinge.qtbot.waitSignal(dialog.prepared_shown):
            dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("lb"))
        prepared = dialog.prepared()
        assert prepared is not None
        assert prepared.plan.unit.value == "lb"
    with hinge.qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()

    units = hinge.store.db.execute(
        "SELECT DISTINCT unit FROM sets WHERE weight IS NOT NULL"
    ).fetchall()
    assert units == [(unit,)]


def test_the_numbers_not_the_charts_unit_tell_the_unit(hinge: Hinge) -> None:
    hinge.preferences.set(CHART_UNIT, "lb")

    dialog = hinge.preview("strong_unitless.csv")

    assert dialog.chosen_unit() is Unit.KG
    dialog.reject()


# Files that cannot be imported -------------------------------------------------------------


def test_a_file_with_bad_lines_lists_every_line_and_imports_nothing(hinge: Hinge) -> None:
    dialog = hinge.preview("strong_bad_rows.csv")

    assert dialog.problems.toPlainText().splitlines() == [
        "line 3: Reps “x” is not a number",
        "line 4: Date “2024-13-01 10:00” is not a date like 2024-03-05 07:14:09",
        "line 7: Set Order “Z” is not a number or W, F, D; Weight “heavy” is not a number",
        "line 8: Duration “forever” is not a duration like 1h 3m or 55s",
        "line 9: Exercise Name is empty",
        "line 11: The row has more cells than the header: “oops”",
        "line 12: RPE must be between 1 and 10.",
        "line 13: Reps “12.5” is not a whole number",
    ]
    assert dialog.problems.isVisibleTo(dialog)
    verdict = label(dialog, "importVerdict")
    assert verdict.startswith("Nothing will be imported until the file is fixed: 8 lines")
    assert not dialog.import_button.isEnabled()
    assert not dialog.unit_box.isVisibleTo(dialog), "no unit to choose for a file to fix"

    dialog.start_import()
    assert not dialog.is_storing()
    assert hinge.sets() == 0
    assert not hinge.paths.backups.exists() or not any(hinge.paths.backups.iterdir())
    dialog.reject()


def test_an_unknown_format_is_named_with_the_formats_hinge_reads(
    hinge: Hinge, tmp_path: Path
) -> None:
    other = tmp_path / "budget.csv"
    other.write_text("month,rent,food\nMay,900,300\n", encoding="utf-8")

    dialog = hinge.preview(other)

    assert label(dialog, "importHeading") == "This file cannot be imported"
    assert KNOWN_FORMATS in label(dialog, "importError")
    assert dialog.import_button.isHidden()
    assert dialog.cancel_button.text() == "Close"
    dialog.reject()


def test_a_missing_file_says_so(hinge: Hinge, tmp_path: Path) -> None:
    dialog = hinge.preview(tmp_path / "gone.csv")

    assert label(dialog, "importError") == f"There is no file {tmp_path / 'gone.csv'}."
    dialog.reject()


# Importing ----------------------------------------------------------------------------------


def test_file_import_opens_the_file_dialog_then_the_preview(hinge: Hinge) -> None:
    assert hinge.window.import_action.isEnabled()
    assert hinge.window.import_action.shortcut().toString() == "Ctrl+I"

    hinge.window.import_action.trigger()
    (chooser,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QFileDialog) and w.objectName() == "importFileDialog"
    ]
    assert chooser.nameFilters() == ["Training exports (*.csv *.json)", "All files (*)"]
    chooser.fileSelected.emit(str(FIXTURES / "hevy_kg.csv"))
    chooser.close()

    dialog = hinge.window.findChild(ImportDialog, "importDialog")
    assert dialog is not None
    hinge.qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    with hinge.qtbot.waitSignal(dialog.imported):
        hinge.qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert hinge.sets() == 27


def test_the_import_is_stored_after_a_backup_of_the_log_as_it_was(hinge: Hinge) -> None:
    hinge.import_file("hevy_kg.csv")

    (backup,) = sorted(hinge.paths.backups.glob("hinge-*-before-import.sqlite3"))
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT count(*) FROM sets").fetchone() == (0,)
    finally:
        copy.close()
    assert hinge.sets() == 27


def test_the_import_runs_on_the_worker_while_the_window_keeps_answering(
    qtbot: QtBot, data_dir: Path
) -> None:
    entered = threading.Event()
    release = threading.Event()
    threads: list[int] = []

    def slow_backup(_connection: sqlite3.Connection) -> None:
        threads.append(threading.get_ident())
        entered.set()
        release.wait()

    hinge = Hinge(qtbot, data_dir, before_writing=slow_backup)
    try:
        dialog = hinge.preview("hevy_kg.csv")
        dialog.import_button.click()
        qtbot.waitUntil(entered.is_set)

        # The worker is held inside the import: the GUI thread still runs timers, paints and
        # takes clicks, and the dialog cannot be closed half-way.
        assert dialog.is_storing()
        assert dialog.progress.isVisible()
        assert not dialog.cancel_button.isEnabled()
        ticked: list[bool] = []
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: ticked.append(True))
        with qtbot.waitSignal(timer.timeout):
            timer.start(0)
        dialog.reject()
        assert dialog.isVisible()
        assert hinge.sets() == 0

        with qtbot.waitSignal(dialog.imported):
            release.set()
        assert threads
        assert threads[0] != threading.get_ident()
        assert hinge.sets() == 27
        assert ticked == [True]
    finally:
        release.set()
        hinge.close()


def test_a_failed_backup_stops_the_import_and_says_why(qtbot: QtBot, data_dir: Path) -> None:
    def failing_backup(_connection: sqlite3.Connection) -> None:
        raise OSError("Cannot make a backup in /backups: the disk is full")

    hinge = Hinge(qtbot, data_dir, before_writing=failing_backup)
    try:
        dialog = hinge.preview("hevy_kg.csv")
        dialog.import_button.click()
        qtbot.waitUntil(lambda: not dialog.is_storing())

        text = label(dialog, "importStoring")
        assert text == "Nothing was imported: Cannot make a backup in /backups: the disk is full."
        assert dialog.import_button.isEnabled()
        assert hinge.sets() == 0
        assert hinge.undo.count() == 0
        dialog.reject()
    finally:
        hinge.close()


def test_after_the_import_the_log_the_charts_and_the_status_bar_show_it(hinge: Hinge) -> None:
    hinge.import_file("hevy_kg.csv")

    assert hinge.messages[-1] == (
        "Imported 27 sets in 5 workouts from hevy_kg.csv; 4 new drills of your own"
    )
    hinge.log.refresh()
    assert hinge.log.model.rowCount() == 5
    with hinge.qtbot.waitSignal(hinge.progress.loaded):
        hinge.progress.refresh()
    drills = [hinge.progress.drill_box.itemText(i) for i in range(hinge.progress.drill_box.count())]
    assert "Romanian deadlift" in drills
    assert "Bench Press (Barbell)" in drills
    hinge.own.refresh()
    assert hinge.own.model.rowCount() == 4


def test_the_status_line_counts_with_the_locale() -> None:
    outcome = ImportOutcome(
        sets_added=1234,
        sets_already_there=0,
        workouts_added=56,
        drills_added=3,
        import_id=1,
        set_ids={},
    )
    assert imported_text("strong.csv", outcome) == (
        "Imported 1,234 sets in 56 workouts from strong.csv; 3 new drills of your own"
    )
    one = ImportOutcome(1, 0, 1, 1, 2, {})
    assert (
        imported_text("a.csv", one)
        == "Imported 1 set in 1 workout from a.csv; 1 new drill of your own"
    )


# Taking it back -----------------------------------------------------------------------------


def test_undo_takes_the_import_back_and_redo_adds_it_again(hinge: Hinge) -> None:
    hinge.import_file("hevy_kg.csv")
    assert hinge.undo.undoText() == "Import hevy_kg.csv"
    assert hinge.window.undo_action.isEnabled()

    hinge.wait_for_change(hinge.window.undo_action.trigger)
    assert hinge.sets() == 0
    assert hinge.store.db.execute("SELECT count(*) FROM workouts").fetchone() == (0,)
    assert hinge.messages[-1] == "Import of hevy_kg.csv taken back: 27 sets removed"
    hinge.log.refresh()
    assert hinge.log.model.rowCount() == 0
    assert hinge.names.name(own_drill_id("Bench Press (Barbell)")) == "Bench Press (Barbell)"

    hinge.wait_for_change(hinge.window.redo_action.trigger)
    assert hinge.sets() == 27
    assert hinge.messages[-1] == "hevy_kg.csv imported again: 27 sets"
    hinge.log.refresh()
    assert hinge.log.model.rowCount() == 5

    hinge.wait_for_change(hinge.window.undo_action.trigger)
    assert hinge.sets() == 0
    assert hinge.store.db.execute("SELECT count(*) FROM imports").fetchone() == (0,)


def test_undo_right_after_redo_takes_back_what_the_redo_stored(hinge: Hinge) -> None:
    hinge.import_file("hevy_kg.csv")
    hinge.wait_for_change(hinge.undo.undo)

    before = hinge.changes
    hinge.undo.redo()
    hinge.undo.undo()  # asked before the redo's answer came back
    hinge.qtbot.waitUntil(lambda: hinge.changes >= before + 2)

    assert hinge.sets() == 0


def test_importing_a_file_again_after_undoing_it_replaces_the_undone_import(hinge: Hinge) -> None:
    hinge.import_file("strong_weight_kg.csv")
    hinge.wait_for_change(hinge.undo.undo)
    hinge.import_file("strong_weight_kg.csv")  # the same sets, imported anew
    assert hinge.sets() == 7
    assert hinge.undo.count() == 1, "the new import replaced the undone one on the stack"


# The whole app --------------------------------------------------------------------------------


def test_the_app_wires_file_import(qtbot: QtBot, start_hinge: StartHinge) -> None:
    hinge = start_hinge(shown=False)
    window, store = hinge.window, hinge.store
    assert window.import_action.isEnabled()
    window.import_action.trigger()
    (chooser,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QFileDialog) and w.objectName() == "importFileDialog"
    ]
    chooser.fileSelected.emit(str(FIXTURES / "hevy_kg.csv"))
    chooser.close()
    dialog = window.findChild(ImportDialog, "importDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    button = dialog.findChild(QPushButton, "importButton")
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Imported 27 sets" in window.statusBar().currentMessage())
    assert store.sets.count() == 27
    log = window.findChild(WorkoutListView)
    assert log is not None
    log.refresh()
    assert log.model.rowCount() == 5
    library = window.view("drills")
    assert library.findChild(OwnDrillsView) is not None
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: store.sets.count() == 0)
