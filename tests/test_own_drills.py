"""Drills of one's own, as a person meets them after an import: listed in Library → Your drills
with their sets, last day and the name they were imported as; renamed in place (F2, a double
click, the Rename button), with a clear message for an empty name; and the new name shown in the
log, the progress charts' drill chooser, a routine and the CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE, PAIRS
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.imports.plan import own_drill_id
from hinge_desktop.domain.plan import PlanEntry
from hinge_desktop.domain.routines import Routine
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.own_drill_stats import OwnDrillStatsReader
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.history.set_table_model import SetColumn
from hinge_desktop.ui.history.workout_list_view import WorkoutListView
from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.library.library_view import LibraryView
from hinge_desktop.ui.library.own_drills_view import OwnDrillColumn, OwnDrillsView
from hinge_desktop.ui.library.routine_editor import RoutineEditor
from hinge_desktop.ui.library.routines_view import RoutinesView
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.transfer.export_action import export_to

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
BENCH = own_drill_id("Bench Press (Barbell)")


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def names(store: Store) -> DrillNames:
    return DrillNames(CATALOGUE, CustomDrillRepository(store.db))


def import_fixture(store: Store, names: DrillNames, file: str) -> None:
    path = FIXTURES / file
    store_import(store.db, prepare_import(store.db, path, read_export(path), PAIRS, Unit.KG))
    names.reload()


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def own_view(qtbot: QtBot, store: Store, names: DrillNames) -> OwnDrillsView:
    view = OwnDrillsView(names, OwnDrillStatsReader(store.db))
    shown(qtbot, view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def row_texts(view: OwnDrillsView) -> list[tuple[str, ...]]:
    model = view.list.model()
    return [
        tuple(str(model.index(row, column).data()) for column in OwnDrillColumn)
        for row in range(model.rowCount())
    ]


def editor(view: OwnDrillsView) -> QLineEdit:
    (found,) = [line for line in view.list.findChildren(QLineEdit) if line.isVisible()]
    return found


def rename_in_place(qtbot: QtBot, view: OwnDrillsView, new_name: str) -> None:
    """Type over the open editor's text and press Enter, as a person does."""
    line = editor(view)
    line.selectAll()
    qtbot.keyClicks(line, new_name) if new_name else line.clear()
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_before_any_import_a_sentence_says_where_own_drills_come_from(
    qtbot: QtBot, store: Store, names: DrillNames
) -> None:
    view = own_view(qtbot, store, names)

    assert view.empty.isVisible()
    text = " ".join(label.text() for label in view.empty.findChildren(QLabel))
    assert "appear here after an import from another app" in text
    assert not view.list.isVisible()


def test_each_own_drill_shows_its_sets_last_day_and_imported_name(
    qtbot: QtBot, store: Store, names: DrillNames
) -> None:
    import_fixture(store, names, "hevy_kg.csv")

    view = own_view(qtbot, store, names)

    assert view.list.objectName() == "ownDrillList"
    assert row_texts(view) == [
        ("Bench Press (Barbell)", "3", "31 Mar 2026", "Bench Press (Barbell)"),
        ("Hip Thrust (Barbell)", "3", "7 Apr 2026", "Hip Thrust (Barbell)"),
        ("Plank", "3", "7 Apr 2026", "Plank"),
        ("Running", "1", "7 Apr 2026", "Running"),
    ]


def test_f2_renames_in_place_and_every_view_shows_the_new_name(
    qtbot: QtBot, store: Store, names: DrillNames, data_dir: Path
) -> None:
    import_fixture(store, names, "hevy_kg.csv")
    stack = QUndoStack()
    log = WorkoutListView(store, CATALOGUE, stack, names=names)
    reader = BackgroundReader(store.path)
    progress = ProgressView(reader, CATALOGUE, Preferences(data_dir / "s.ini"), names=names)
    try:
        with qtbot.waitSignal(progress.loaded):
            progress.refresh()
        view = own_view(qtbot, store, names)
        assert view.select_drill(BENCH)

        qtbot.keyClick(view.list, Qt.Key.Key_F2)
        assert editor(view).text() == "Bench Press (Barbell)"
        with qtbot.waitSignal(names.changed):
            rename_in_place(qtbot, view, "Floor press")

        assert CustomDrillRepository(store.db).names()[BENCH] == "Floor press"
        assert row_texts(view)[0][0] == "Floor press"
        assert view.selected_drill_id() == BENCH, "the renamed drill stays selected"
        # The log: the workout with the drill, its sets table and its summary.
        log.refresh()
        workout = next(
            row
            for row in range(log.model.rowCount())
            if any(
                s.drill_id == BENCH for s in log.model.source().sets_of(log.model.entry(row).key)
            )
        )
        log.workout_list.setCurrentIndex(log.model.index(workout, 0))
        drills = {
            log.set_model.index(row, SetColumn.DRILL).data()
            for row in range(log.set_model.rowCount())
        }
        assert "Floor press" in drills
        assert "Bench Press (Barbell)" not in drills
        tip = log.model.index(workout, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert "Floor press" in tip
        # The progress view's drill chooser.
        choices = [progress.drill_box.itemText(i) for i in range(progress.drill_box.count())]
        assert "Floor press" in choices
        assert "Bench Press (Barbell)" not in choices
    finally:
        reader.shutdown()


def test_a_double_click_and_the_rename_button_open_the_name_for_editing(
    qtbot: QtBot, store: Store, names: DrillNames
) -> None:
    import_fixture(store, names, "hevy_kg.csv")
    view = own_view(qtbot, store, names)
    assert view.select_drill(own_drill_id("Plank"))

    button = view.findChild(QWidget, "renameOwnDrillButton")
    assert button is not None
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor(view).text() == "Plank"
    with qtbot.waitSignal(names.changed):
        rename_in_place(qtbot, view, "Front plank")
    assert names.name(own_drill_id("Plank")) == "Front plank"

    # A double click on any cell of the row edits the name.
    row = view.proxy.mapFromSource(
        view.model.index(view.model.row_of(own_drill_id("Running")) or 0, 0)
    )
    sets_cell = row.siblingAtColumn(OwnDrillColumn.SETS)
    rect = view.list.visualRect(sets_cell)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor(view).text() == "Running"
    qtbot.keyClick(editor(view), Qt.Key.Key_Escape)
    assert names.name(own_drill_id("Running")) == "Running"


def test_an_empty_name_is_refused_with_a_clear_message(
    qtbot: QtBot, store: Store, names: DrillNames
) -> None:
    import_fixture(store, names, "hevy_kg.csv")
    view = own_view(qtbot, store, names)
    assert view.select_drill(BENCH)

    message = view.findChild(QLabel, "ownDrillMessage")
    assert message is not None
    assert not message.isVisible()

    view.rename_selected()
    rename_in_place(qtbot, view, "   ")

    qtbot.waitUntil(message.isVisible)  # the editor commits on the next turn of the loop
    assert message.text() == "A drill needs a name. “Bench Press (Barbell)” keeps its name."
    assert CustomDrillRepository(store.db).names()[BENCH] == "Bench Press (Barbell)"
    assert row_texts(view)[0][0] == "Bench Press (Barbell)"

    view.rename_selected()
    with qtbot.waitSignal(names.changed):
        rename_in_place(qtbot, view, "Bench press")
    assert not message.isVisible(), "a good name clears the message"


def test_a_later_import_updates_the_list(qtbot: QtBot, store: Store, names: DrillNames) -> None:
    import_fixture(store, names, "hevy_kg.csv")
    view = own_view(qtbot, store, names)
    assert len(row_texts(view)) == 4

    import_fixture(store, names, "fitnotes_kgs.csv")

    texts = row_texts(view)
    assert [row[0] for row in texts] == [
        "Bench Press (Barbell)",
        "Flat Barbell Bench Press",
        "Hip Thrust (Barbell)",
        "Plank",
        "Running",
        "Running (Outdoor)",
    ]
    plank = next(row for row in texts if row[0] == "Plank")
    assert plank[1] == "5", "the plank's sets of both imports"


def test_the_library_has_a_your_drills_tab(qtbot: QtBot, store: Store, names: DrillNames) -> None:
    drills = DrillsView(CATALOGUE, set(), lambda _drill, _on: None)
    routines = RoutinesView(CATALOGUE, store.routines, names=names)
    own = OwnDrillsView(names, OwnDrillStatsReader(store.db))
    library = LibraryView(drills, routines, own_drills=own)
    shown(qtbot, library)

    assert library.count() == 3
    assert library.tabText(2) == "Your drills"
    library.show_own_drills()
    assert library.currentWidget() is own
    assert own.objectName() == "ownDrillsView"


def test_a_routine_names_a_drill_of_ones_own_and_follows_a_rename(
    qtbot: QtBot, store: Store, names: DrillNames
) -> None:
    import_fixture(store, names, "hevy_kg.csv")
    editor_view = RoutineEditor(CATALOGUE, names=names)
    shown(qtbot, editor_view)
    routine = Routine(
        id="mine",
        name="Push and hinge",
        entries=(
            PlanEntry("romanian-deadlift", 3, 8, None, 90),
            PlanEntry(BENCH, 3, 8, None, 90),
        ),
    )
    editor_view.show_routine(routine)
    item = editor_view.entries.topLevelItem(1)
    assert item is not None
    assert item.text(1) == "Bench Press (Barbell)"

    names.rename(BENCH, "Bench press")

    item = editor_view.entries.topLevelItem(1)
    assert item is not None
    assert item.text(1) == "Bench press"


def test_the_csv_export_writes_own_drills_under_their_names(
    store: Store, names: DrillNames, tmp_path: Path
) -> None:
    import_fixture(store, names, "hevy_kg.csv")
    names.rename(BENCH, "Bench press")
    target = tmp_path / "log.csv"

    export_to(store, CATALOGUE, target)

    with target.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["drill_id"] == BENCH]
    assert len(rows) == 3
    assert {row["drill"] for row in rows} == {"Bench press"}


def test_without_a_repository_names_are_the_catalogues() -> None:
    names = DrillNames(CATALOGUE)

    assert names.name("romanian-deadlift") == "Romanian deadlift"
    assert names.name(BENCH) == BENCH
    assert names.own_drills() == []
    with pytest.raises(KeyError):
        names.rename(BENCH, "Bench press")
