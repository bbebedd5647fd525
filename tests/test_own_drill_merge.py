"""A drill of one's own merged into a Hinge drill from Library → Your drills: every set of it
becomes a set of the drill chosen, in one transaction, the drill goes, History follows, and
Edit → Undo puts it all back exactly. A rename to a name another drill has is refused, with the
merge offered instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE, PAIRS
from hinge_window import HingeWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.imports.plan import own_drill_id
from hinge_desktop.domain.plan import PlanEntry
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.custom_drills import (
    CustomDrill,
    CustomDrillRepository,
    DrillNameTaken,
)
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.library.library_view import LibraryView
from hinge_desktop.ui.library.merge_drill_dialog import MergeDrillDialog
from hinge_desktop.ui.library.own_drill_model import ID_ROLE
from hinge_desktop.ui.library.own_drills_view import OwnDrillColumn, OwnDrillsView

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
HIP_THRUST = own_drill_id("Hip Thrust (Barbell)")
BENCH = own_drill_id("Bench Press (Barbell)")
HINGE = {drill.id: drill.name for drill in CATALOGUE}


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row a merge may touch, as SQLite has it."""
    tables = {
        "sets": "SELECT * FROM sets ORDER BY id",
        "workouts": "SELECT * FROM workouts ORDER BY id",
        "custom_drills": "SELECT * FROM custom_drills ORDER BY id",
        "routine_drills": "SELECT * FROM routine_drills ORDER BY id",
        "drill_days": "SELECT * FROM drill_days ORDER BY drill_id, day",
        "favourite_drills": "SELECT * FROM favourite_drills ORDER BY drill_id",
        "hinge_meta": "SELECT * FROM hinge_meta ORDER BY key",
    }
    return {name: store.db.execute(sql).fetchall() for name, sql in tables.items()}


def drill_sets(store: Store, drill_id: str) -> int:
    count: int = store.db.execute(
        "SELECT count(*) FROM sets WHERE drill_id = ?", [drill_id]
    ).fetchone()[0]
    return count


def import_fixture(store: Store, file: str) -> None:
    path = FIXTURES / file
    store_import(store.db, prepare_import(store.db, path, read_export(path), PAIRS, Unit.KG))


# Storage -------------------------------------------------------------------------------------


def test_a_merge_moves_sets_workouts_and_routine_entries_and_its_undo_puts_back_every_row(
    store: Store,
) -> None:
    import_fixture(store, "hevy_kg.csv")
    routine = store.routines.create("Glutes")
    store.routines.add_drill(routine.id, PlanEntry(HIP_THRUST, 3, 8, None, 90))
    store.favourites.set(HIP_THRUST, True)
    before = snapshot(store)
    sets = drill_sets(store, HIP_THRUST)
    hinge_sets = drill_sets(store, "hip-thrust")
    assert sets == 3
    own = CustomDrillRepository(store.db)

    merged = own.merge_into(HIP_THRUST, "hip-thrust")

    assert drill_sets(store, HIP_THRUST) == 0
    assert drill_sets(store, "hip-thrust") == hinge_sets + sets
    assert len(merged.set_ids) == sets
    assert HIP_THRUST not in own.names()
    routine_drills = store.db.execute("SELECT drill_id FROM routine_drills").fetchall()
    assert routine_drills == [("hip-thrust",)]
    day_rows = store.db.execute(
        "SELECT count(*) FROM drill_days WHERE drill_id = ?", [HIP_THRUST]
    ).fetchone()
    assert day_rows == (0,), "the daily roll-up follows the sets"

    own.unmerge(merged)

    assert snapshot(store) == before


def test_the_same_export_imported_after_a_merge_adds_nothing_twice(store: Store) -> None:
    """Apps export the whole history each time: the sets of a merged drill are found in the
    drill they went into, not made again under a new drill of one's own."""
    import_fixture(store, "hevy_kg.csv")
    own = CustomDrillRepository(store.db)
    own.rename(HIP_THRUST, "Heavy hip thrust", HINGE)
    own.merge_into(HIP_THRUST, BENCH)  # into another own drill first, then into Hinge's
    merged = own.merge_into(BENCH, "hip-thrust")
    sets = store.db.execute("SELECT count(*) FROM sets").fetchone()[0]

    path = FIXTURES / "hevy_kg.csv"
    again = prepare_import(store.db, path, read_export(path), PAIRS, Unit.KG)

    assert again.new_sets == 0
    assert {drill.id for drill in again.plan.new_drills} == set()
    assert {m.exercise: m.drill_id for m in again.plan.matches}["Hip Thrust (Barbell)"] == (
        "hip-thrust"
    )
    store_import(store.db, again)
    assert store.db.execute("SELECT count(*) FROM sets").fetchone()[0] == sets
    assert {d.id for d in own.all()} == {own_drill_id("Plank"), own_drill_id("Running")}

    own.unmerge(merged)
    assert own.by_imported_name()["Hip Thrust (Barbell)"] == BENCH


def test_a_drill_that_is_gone_cannot_be_merged(store: Store) -> None:
    with pytest.raises(KeyError):
        CustomDrillRepository(store.db).merge_into("own-nothing", "hip-thrust")


def test_a_rename_to_a_name_taken_whatever_its_case_and_spaces_is_refused(store: Store) -> None:
    import_fixture(store, "hevy_kg.csv")
    own = CustomDrillRepository(store.db)

    with pytest.raises(DrillNameTaken) as hinge:
        own.rename(HIP_THRUST, "  hip   THRUST ", HINGE)
    assert (hinge.value.drill_id, hinge.value.name, hinge.value.own) == (
        "hip-thrust",
        "Hip thrust",
        False,
    )
    with pytest.raises(DrillNameTaken) as other:
        own.rename(HIP_THRUST, "bench press (BARBELL)", HINGE)
    assert (other.value.drill_id, other.value.own) == (BENCH, True)
    assert own.names()[HIP_THRUST] == "Hip Thrust (Barbell)"
    # Its own name in another case is no clash.
    assert own.rename(HIP_THRUST, "hip thrust (barbell)", HINGE).name == "hip thrust (barbell)"


def test_an_import_takes_an_exercise_of_the_name_given_to_an_own_drill_into_it(
    store: Store,
) -> None:
    """Creating a twin is refused too: an exercise named as the person named a drill of their own
    goes into that drill."""
    import_fixture(store, "hevy_kg.csv")
    own = CustomDrillRepository(store.db)
    own.rename(BENCH, "Flat Barbell Bench Press", HINGE)

    import_fixture(store, "fitnotes_kgs.csv")

    names = [drill.name.casefold() for drill in own.all()]
    assert names.count("flat barbell bench press") == 1
    assert drill_sets(store, BENCH) > 3


# The view ------------------------------------------------------------------------------------


@pytest.fixture
def app(hinge: HingeWindow) -> HingeWindow:
    import_fixture(hinge.store, "hevy_kg.csv")
    hinge.views.services.names.reload()
    hinge.views.services.log_changes.announce()
    hinge.show("drills")
    return hinge


def own_drills(hinge: HingeWindow) -> OwnDrillsView:
    view = hinge.widget(OwnDrillsView, "ownDrillsView")
    library = view.parentWidget()
    while library is not None and not isinstance(library, LibraryView):
        library = library.parentWidget()
    assert library is not None
    library.show_own_drills()
    hinge.qtbot.waitUntil(view.isVisible)
    return view


def names_shown(view: OwnDrillsView) -> list[str]:
    model = view.list.model()
    return [str(model.index(row, OwnDrillColumn.NAME).data()) for row in range(model.rowCount())]


def open_merge(hinge: HingeWindow, view: OwnDrillsView, drill_id: str) -> MergeDrillDialog:
    assert view.select_drill(drill_id)
    hinge.click("mergeOwnDrillButton")
    dialog = next(
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MergeDrillDialog) and widget.isVisible()
    )
    return dialog


def undo(hinge: HingeWindow) -> None:
    action = hinge.window.undo_action
    assert action.isEnabled()
    action.trigger()


def test_merging_from_your_drills_moves_the_sets_history_follows_and_undo_restores(
    app: HingeWindow, qtbot: QtBot
) -> None:
    store = app.store
    before = snapshot(store)
    view = own_drills(app)
    assert "Hip Thrust (Barbell)" in names_shown(view)

    dialog = open_merge(app, view, HIP_THRUST)
    search = dialog.findChild(QLineEdit, "mergeDrillSearch")
    assert search is not None
    assert dialog.focusWidget() is search
    qtbot.keyClicks(search, "hip thr")
    shown = [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())]
    assert shown == ["Band-resisted hip thrust", "Hip thrust"]
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert dialog.selected_drill_id() == "hip-thrust"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert drill_sets(store, HIP_THRUST) == 0
    assert drill_sets(store, "hip-thrust") == 3
    assert HIP_THRUST not in CustomDrillRepository(store.db).names()
    assert "Hip Thrust (Barbell)" not in names_shown(view)
    assert "Hip thrust" in app.window.statusBar().currentMessage()
    # History's drill menu charts it as the Hinge drill.
    app.show("history")
    progress = app.views.progress
    qtbot.waitUntil(lambda: not progress.is_loading() and progress.drill_box.count() > 0)
    box = app.widget(QComboBox, "historyDrill")
    qtbot.waitUntil(lambda: box.findData("hip-thrust") >= 0 and box.findData(HIP_THRUST) < 0)

    undo(app)

    assert snapshot(store) == before
    qtbot.waitUntil(lambda: box.findData(HIP_THRUST) >= 0)
    app.show("drills")
    assert "Hip Thrust (Barbell)" in names_shown(own_drills(app))

    app.window.redo_action.trigger()
    assert drill_sets(store, "hip-thrust") == 3


def test_the_merge_dialog_is_used_with_the_keyboard_alone(app: HingeWindow, qtbot: QtBot) -> None:
    view = own_drills(app)
    view.select_drill(BENCH)
    assert view.merge_action in view.list.actions(), "in the list's context menu"
    view.merge_button.setFocus()
    qtbot.keyClick(view.merge_button, Qt.Key.Key_Space)
    dialog = next(
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MergeDrillDialog) and widget.isVisible()
    )
    assert not dialog.merge_button.isEnabled(), "nothing typed, nothing chosen"
    qtbot.keyClicks(dialog.search, "RDL")
    shown = {dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())}
    assert {"Romanian deadlift", "Front-loaded RDL", "Single-leg Romanian deadlift"} <= shown
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "DEAD bug")
    assert dialog.selected_drill_id() == "dead-bug"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert drill_sets(app.store, BENCH) == 3, "nothing merged when the dialog is closed"


def test_renaming_to_a_hinge_drills_name_is_refused_and_offers_the_merge(
    app: HingeWindow, qtbot: QtBot
) -> None:
    store = app.store
    view = own_drills(app)
    assert view.select_drill(HIP_THRUST)
    index = view.list.currentIndex().siblingAtColumn(OwnDrillColumn.NAME)

    assert not view.list.model().setData(index, " hip  thrust")

    notice = app.widget(QLabel, "ownDrillMessage")
    assert notice.isVisible()
    assert "“Hip thrust” is the name of one of Hinge's drills" in notice.text()
    assert CustomDrillRepository(store.db).names()[HIP_THRUST] == "Hip Thrust (Barbell)"
    offer = app.widget(QPushButton, "mergeSuggestionButton")
    assert offer.isVisible()
    assert offer.text() == "Merge into “Hip thrust”"

    app.click("mergeSuggestionButton")

    assert drill_sets(store, "hip-thrust") == 3
    assert HIP_THRUST not in CustomDrillRepository(store.db).names()
    assert not offer.isVisible()
    undo(app)
    assert drill_sets(store, HIP_THRUST) == 3


def test_renaming_to_another_own_drills_name_is_refused(app: HingeWindow) -> None:
    view = own_drills(app)
    assert view.select_drill(HIP_THRUST)
    index = view.list.currentIndex().siblingAtColumn(OwnDrillColumn.NAME)

    assert not view.list.model().setData(index, "PLANK")

    text = app.widget(QLabel, "ownDrillMessage").text()
    assert "“Plank” is the name of another of your drills" in text
    names = CustomDrillRepository(app.store.db).names()
    assert sorted(names.values()) == [
        "Bench Press (Barbell)",
        "Hip Thrust (Barbell)",
        "Plank",
        "Running",
    ]
    assert app.widget(QPushButton, "mergeSuggestionButton").text() == "Merge into “Plank”"


def test_an_own_drill_with_the_name_of_another_is_not_stored_twice(store: Store) -> None:
    own = CustomDrillRepository(store.db)
    own.add(CustomDrill("own-a", "Sled push", "Sled push"))
    own.add(CustomDrill("own-b", "Sled pull", "Sled pull"))
    with pytest.raises(DrillNameTaken):
        own.rename("own-b", "sled PUSH")


def test_the_offer_goes_when_another_drill_is_chosen(app: HingeWindow) -> None:
    view = own_drills(app)
    assert view.select_drill(HIP_THRUST)
    index = view.list.currentIndex().siblingAtColumn(OwnDrillColumn.NAME)
    assert not view.list.model().setData(index, "Hip thrust")
    offer = app.widget(QPushButton, "mergeSuggestionButton")
    assert offer.isVisible()
    other = next(
        view.list.model().index(row, 0).data(ID_ROLE)
        for row in range(view.list.model().rowCount())
        if view.list.model().index(row, 0).data(ID_ROLE) != HIP_THRUST
    )

    assert view.select_drill(str(other))

    assert not offer.isVisible()
    assert not app.widget(QLabel, "ownDrillMessage").isVisible()
