"""The drill browser as a person uses it: search, filters, keyboard, favourites, start."""

from __future__ import annotations

from pathlib import Path

import pytest
from hinge_window import StartHinge
from open_dialogs import answer, open_dialog, save_as
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListView,
    QPushButton,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Equipment, Focus, Phase
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.library.drill_model import DrillFilterProxy, DrillListModel, DrillRole
from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.library.library_view import LibraryView
from hinge_desktop.ui.preferences import LAST_DRILL, LAST_VIEW, Preferences
from hinge_desktop.ui.widgets.figure_widget import FigureWidget
from hinge_desktop.ui.workout.workout_view import WorkoutView


@pytest.fixture
def view(qtbot: QtBot, store: Store, catalogue: Catalogue) -> DrillsView:
    widget = DrillsView(catalogue, store.favourites.all(), store.favourites.set)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_ids(view: DrillsView) -> list[str]:
    drill_list = view.findChild(QListView, "drillList")
    model = drill_list.model()
    return [model.index(row, 0).data(DrillRole.ID) for row in range(model.rowCount())]


def type_search(qtbot: QtBot, view: DrillsView, text: str) -> list[str]:
    search = view.findChild(type(view.search), "drillSearch")
    search.clear()
    qtbot.keyClicks(search, text)
    return shown_ids(view)


def plain(label: object) -> str:
    """What a rich-text label reads as, spaces normalised."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())  # type: ignore[attr-defined]
    return " ".join(document.toPlainText().replace("\u00a0", " ").split())


def choose(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_model_passes_qt_model_tester(
    qtmodeltester, store: Store, catalogue: Catalogue
) -> None:  # type: ignore[no-untyped-def]
    model = DrillListModel(catalogue, frozenset({"glute-bridge"}))
    qtmodeltester.check(model)
    proxy = DrillFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("band")
    proxy.set_phase(Phase.LIGHT_LOADING)
    qtmodeltester.check(proxy)


def test_the_list_shows_every_drill_grouped_by_phase(
    view: DrillsView, catalogue: Catalogue
) -> None:
    ids = shown_ids(view)
    assert sorted(ids) == sorted(drill.id for drill in catalogue)
    phases = [catalogue.get(drill_id).phase for drill_id in ids]
    assert phases == sorted(phases)
    assert view.findChild(QListView, "drillList").accessibleName() == "Drills"
    assert view.search.accessibleName() == "Search drills"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("band", {"band-pull-through", "band-good-morning", "glute-bridge-knee-outs"}),
        ("wall", {"wall-hip-hinge", "wall-hinge-check"}),
        ("kettlebell", {"kettlebell-swing", "kettlebell-deadlift", "kettlebell-deadlift-block"}),
        ("single leg", {"single-leg-rdl", "single-leg-glute-bridge"}),
        ("squeeze the glutes", {"glute-bridge"}),
        ("RDL", {"romanian-deadlift", "front-loaded-rdl", "single-leg-rdl"}),
        ("hamstrings", {"romanian-deadlift"}),
    ],
)
def test_typing_a_word_a_person_would_use_finds_the_drills(
    qtbot: QtBot, view: DrillsView, words: str, expected: set[str]
) -> None:
    shown = type_search(qtbot, view, words)
    assert expected <= set(shown)
    for drill_id in shown:
        haystack = view.model.haystack(view.model.row_of(drill_id))
        assert all(word in haystack for word in words.casefold().split())


def test_a_search_that_matches_nothing_says_so_and_offers_to_clear(
    qtbot: QtBot, view: DrillsView, catalogue: Catalogue
) -> None:
    assert type_search(qtbot, view, "trampoline") == []
    assert view.empty.isVisible()
    assert not view.list.isVisible()
    assert "trampoline" in view.empty.text()
    view.empty.linkActivated.emit("clear")
    assert view.search.text() == ""
    assert len(shown_ids(view)) == len(catalogue)


def test_the_phase_equipment_and_focus_filters_narrow_the_list(
    qtbot: QtBot, view: DrillsView, catalogue: Catalogue
) -> None:
    choose(view.findChild(QComboBox, "phaseFilter"), int(Phase.SINGLE_LEG))
    assert set(shown_ids(view)) == {d.id for d in catalogue.in_phase(Phase.SINGLE_LEG)}
    assert view.count.text() == f"2 of {len(catalogue)}"

    choose(view.findChild(QComboBox, "phaseFilter"), None)
    choose(view.findChild(QComboBox, "equipmentFilter"), "none")
    shown = shown_ids(view)
    assert shown
    assert all(not catalogue.get(i).equipment for i in shown)
    assert "glute-bridge" in shown
    assert "kettlebell-swing" not in shown

    choose(view.findChild(QComboBox, "equipmentFilter"), Equipment.DOWEL.value)
    assert all(Equipment.DOWEL in catalogue.get(i).equipment for i in shown_ids(view))
    assert "dowel-hinge" in shown_ids(view)

    choose(view.findChild(QComboBox, "equipmentFilter"), None)
    choose(view.findChild(QComboBox, "focusFilter"), Focus.CORE.value)
    assert "dead-bug" in shown_ids(view)
    assert all(Focus.CORE in catalogue.get(i).focus for i in shown_ids(view))

    # Search and filters combine.
    shown = type_search(qtbot, view, "hinge")
    assert all(Focus.CORE in catalogue.get(i).focus for i in shown)


def test_sorting_a_to_z(view: DrillsView, catalogue: Catalogue) -> None:
    choose(view.findChild(QComboBox, "drillOrder"), DrillFilterProxy.BY_NAME)
    names = [catalogue.get(i).name.casefold() for i in shown_ids(view)]
    assert names == sorted(names)


def test_choosing_a_drill_shows_its_detail_and_moving_figure(
    qtbot: QtBot, view: DrillsView, catalogue: Catalogue
) -> None:
    view.select_drill("kettlebell-swing")
    detail = view.detail
    drill = catalogue.get("kettlebell-swing")
    assert detail.title.text() == drill.name
    shown = plain(detail.prescription)
    assert all(f"“{cue}”" in shown for cue in drill.cue_texts)
    body = plain(detail.body)
    assert drill.purpose in body
    for text in (*drill.setup, *drill.steps, *drill.safety, drill.faults[0].fault):
        assert text in body
    assert f"Fix: {drill.faults[0].fix}" in body
    figure = detail.findChild(FigureWidget, "drillFigure")
    assert figure.drill() is drill
    assert figure.is_playing()


def test_a_neighbour_link_opens_that_drill(qtbot: QtBot, view: DrillsView) -> None:
    view.select_drill("glute-bridge")
    neighbours = view.detail.findChild(QLabel, "drillNeighbours")
    assert "drill:single-leg-glute-bridge" in neighbours.text()
    neighbours.linkActivated.emit("drill:single-leg-glute-bridge")
    assert view.selected_drill().id == "single-leg-glute-bridge"
    assert view.list.currentIndex().data(DrillRole.ID) == "single-leg-glute-bridge"


def test_the_drill_to_try_after_a_hurt_opens_from_its_link(qtbot: QtBot, view: DrillsView) -> None:
    choose(view.findChild(QComboBox, "phaseFilter"), int(Phase.LOADING))
    view.select_drill("hip-thrust")
    care = view.detail.findChild(QLabel, "drillCare")
    assert "If it hurts" in plain(care)
    care.linkActivated.emit("drill:glute-bridge")
    assert view.selected_drill().id == "glute-bridge"
    assert "Feel it here" in plain(view.detail.findChild(QLabel, "drillCare"))


def test_a_neighbour_hidden_by_a_filter_is_still_reached(
    qtbot: QtBot, view: DrillsView, catalogue: Catalogue
) -> None:
    choose(view.findChild(QComboBox, "phaseFilter"), int(Phase.ACTIVATION))
    view.select_drill("glute-bridge")
    harder = catalogue.get("glute-bridge").harder[0]
    view.detail.findChild(QLabel, "drillNeighbours").linkActivated.emit("drill:" + harder)
    assert view.selected_drill().id == harder


def test_keyboard_type_to_search_arrows_to_move_return_to_start(
    qtbot: QtBot, view: DrillsView
) -> None:
    view.list.setFocus()
    qtbot.keyClicks(view.list, "swing")
    assert view.search.text() == "swing"
    assert view.search.hasFocus()
    assert view.selected_drill().id == "kettlebell-swing"
    shown = type_search(qtbot, view, "bridge")
    first = view.selected_drill().id
    assert first == shown[0], "typing selects the best (first) match"
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.selected_drill().id != first
    qtbot.keyClick(view.search, Qt.Key.Key_Up)
    assert view.selected_drill().id == first
    with qtbot.waitSignal(view.start_requested) as started:
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert started.args == [first]


def test_return_in_the_list_puts_the_keyboard_on_start(qtbot: QtBot, view: DrillsView) -> None:
    type_search(qtbot, view, "bridge")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    chosen = view.selected_drill().id
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    start = view.findChild(QPushButton, "startDrillButton")
    assert start.hasFocus()
    with qtbot.waitSignal(view.start_requested) as started:
        qtbot.keyClick(start, Qt.Key.Key_Space)
    assert started.args == [chosen]


def test_return_on_a_search_that_matches_nothing_starts_nothing(
    qtbot: QtBot, view: DrillsView
) -> None:
    type_search(qtbot, view, "trampoline")
    with qtbot.assertNotEmitted(view.start_requested):
        qtbot.keyClick(view.search, Qt.Key.Key_Return)


def test_a_favourite_is_kept_in_the_database(qtbot: QtBot, view: DrillsView, store: Store) -> None:
    view.select_drill("hip-thrust")
    star = view.findChild(QToolButton, "favouriteButton")
    assert not star.isChecked()
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert "hip-thrust" in store.favourites.all()
    favourites_only = view.findChild(QToolButton, "favouritesFilter")
    favourites_only.click()
    assert shown_ids(view) == ["hip-thrust"]
    favourites_only.click()
    reopened = open_store(store.path)
    try:
        assert reopened.favourites.all() == {"hip-thrust"}
    finally:
        reopened.close()
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert store.favourites.all() == frozenset()


def test_a_favourite_that_cannot_be_saved_is_not_shown_as_saved(
    qtbot: QtBot, store: Store, catalogue: Catalogue
) -> None:
    from PySide6.QtWidgets import QMessageBox

    def fail(drill_id: str, favourite: bool) -> None:
        raise OSError("disk full")

    view = DrillsView(catalogue, frozenset(), fail)
    qtbot.addWidget(view)
    view.select_drill("hip-thrust")
    view.detail.favourite_button.click()
    assert not view.detail.favourite_button.isChecked()
    assert not view.model.is_favourite("hip-thrust")
    box = answer("favouriteErrorBox", QMessageBox.StandardButton.Ok)
    assert box.windowTitle() == "Favourite not saved"
    assert "disk full" in box.text()


def test_start_this_drill_opens_the_workout_view_with_the_drill(
    qtbot: QtBot, start_hinge: StartHinge, catalogue: Catalogue
) -> None:
    hinge = start_hinge(shown=False)
    window, preferences = hinge.window, hinge.preferences
    library = window.view("drills")
    assert isinstance(library, LibraryView)
    drills = library.drills
    drills.select_drill("romanian-deadlift")
    qtbot.mouseClick(drills.findChild(QPushButton, "startDrillButton"), Qt.MouseButton.LeftButton)
    assert window.current_view() == "workout"
    assert hinge.start_anyway(), "a loaded drill, on a new log: asked first"
    workout = window.view("workout")
    assert isinstance(workout, WorkoutView)
    assert workout.drill() == catalogue.get("romanian-deadlift")
    p = catalogue.get("romanian-deadlift").prescription
    assert workout.dose.text().startswith(f"{p.sets} × {p.reps} reps")
    assert preferences.get(LAST_DRILL) != "romanian-deadlift", "saved with the window"
    window.close()
    assert preferences.get(LAST_DRILL) == "romanian-deadlift"


def test_the_last_drill_shown_is_shown_again(paths: DataPaths, start_hinge: StartHinge) -> None:
    Preferences(paths.settings).set(LAST_DRILL, "dead-bug")
    window = start_hinge(shown=False).window
    assert window.view("drills").drills.selected_drill().id == "dead-bug"


def test_the_figure_follows_the_clock_and_pauses_on_click(
    qtbot: QtBot, catalogue: Catalogue
) -> None:
    now = [100.0]
    figure = FigureWidget(clock=lambda: now[0])
    qtbot.addWidget(figure)
    drill = catalogue.get("wall-hip-hinge")
    figure.set_drill(drill)
    figure.show()
    qtbot.waitExposed(figure)
    tempo = drill.prescription.tempo
    # It opens on the key position (the bottom of the hinge), then comes back up at the tempo.
    bottom = figure.current_scene().hip_angle
    now[0] += tempo.hold + tempo.back
    top = figure.current_scene().hip_angle
    assert bottom < top - 30
    now[0] += tempo.rest + tempo.away
    assert figure.current_scene().hip_angle == pytest.approx(bottom)
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton)
    assert not figure.is_playing()
    now[0] += 2.5
    assert figure.current_scene().hip_angle == pytest.approx(bottom)
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton)
    assert figure.is_playing()
    figure.hide()


def test_a_catalogue_is_shown_however_small(qtbot: QtBot, catalogue: Catalogue) -> None:
    small = Catalogue(tuple(d for d in catalogue if d.phase is Phase.SINGLE_LEG))
    view = DrillsView(small, frozenset(), lambda _id, _on: None)
    qtbot.addWidget(view)
    assert len(shown_ids(view)) == 2
    assert view.selected_drill() is not None


def test_the_librarys_shortcuts_work_and_are_listed_in_help(
    qtbot: QtBot, store: Store, paths: DataPaths, start_hinge: StartHinge
) -> None:
    # Hinge closed on the library last time: it opens there.
    Preferences(paths.settings).set(LAST_VIEW, "drills")
    window = start_hinge(active=True).window
    drills = window.view("drills").drills
    assert drills.search.hasFocus(), "the library opens ready to type"
    window.show_view("workout")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "drills"
    assert drills.search.hasFocus()
    shown = drills.selected_drill().id
    qtbot.keyClick(drills.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert store.favourites.all() == {shown}
    dialog = window.show_shortcuts()
    listed = dialog.shortcuts()
    dialog.close()
    assert listed["Find a drill"] == "Ctrl+F"
    assert listed["Star or unstar the drill shown"] == "Ctrl+D"
    window.close()


def test_the_empty_workout_view_leads_back_to_the_library(
    qtbot: QtBot, start_hinge: StartHinge
) -> None:
    window = start_hinge(shown=False).window
    window.show_view("workout")
    qtbot.mouseClick(
        window.view("workout").findChild(QPushButton, "chooseDrillButton"),
        Qt.MouseButton.LeftButton,
    )
    assert window.current_view() == "drills"


def test_unstarring_with_favourites_on_keeps_the_drill_so_the_click_can_be_undone(
    qtbot: QtBot, view: DrillsView, store: Store
) -> None:
    for drill_id in ("hip-thrust", "dead-bug", "kettlebell-swing"):
        view.select_drill(drill_id)
        view.detail.favourite_button.click()
    view.findChild(QToolButton, "favouritesFilter").click()
    assert len(shown_ids(view)) == 3
    view.select_drill("dead-bug")
    qtbot.keyClick(view.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    # Two presses: off, then on again, for the same drill; the others were never touched.
    assert store.favourites.all() == {"hip-thrust", "dead-bug", "kettlebell-swing"}
    view.detail.favourite_button.click()
    assert store.favourites.all() == {"hip-thrust", "kettlebell-swing"}
    assert view.selected_drill().id == "dead-bug"
    assert "dead-bug" not in shown_ids(view)
    assert not view.detail.favourite_button.isChecked()


def test_a_filter_keeps_the_drill_if_it_matches_and_otherwise_shows_the_first_match(
    qtbot: QtBot, view: DrillsView
) -> None:
    view.select_drill("kettlebell-swing")
    choose(view.findChild(QComboBox, "equipmentFilter"), Equipment.KETTLEBELL.value)
    assert view.selected_drill().id == "kettlebell-swing"
    choose(view.findChild(QComboBox, "phaseFilter"), int(Phase.ACTIVATION))
    assert shown_ids(view) == []
    assert view.selected_drill() is None
    assert not view.findChild(QPushButton, "startDrillButton").isEnabled()
    choose(view.findChild(QComboBox, "equipmentFilter"), None)
    assert view.selected_drill().id == shown_ids(view)[0]
    assert view.selected_drill().phase is Phase.ACTIVATION


def test_a_search_for_markup_is_shown_as_typed(qtbot: QtBot, view: DrillsView) -> None:
    type_search(qtbot, view, "<b>zz</b>")
    assert "&lt;b&gt;zz&lt;/b&gt;" in view.empty.text()


def test_the_exported_figure_is_drawn_for_paper_even_in_dark_mode(
    qtbot: QtBot, view: DrillsView, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from hinge_desktop.ui.shell import theme

    target = tmp_path / "bridge"
    theme.apply(QApplication.instance(), theme.DARK)
    try:
        view.select_drill("glute-bridge")
        qtbot.mouseClick(
            view.findChild(QToolButton, "exportFigureButton"), Qt.MouseButton.LeftButton
        )
        dialog = open_dialog(QFileDialog, "exportFigureDialog")
        assert dialog.windowTitle() == "Export the figure"
        assert dialog.nameFilters() == ["SVG pictures (*.svg)"]
        assert Path(dialog.selectedFiles()[0]).name == "glute-bridge.svg"
        with qtbot.waitSignal(view.message) as said:
            save_as("exportFigureDialog", target)
    finally:
        theme.apply(QApplication.instance(), theme.LIGHT)
    written = tmp_path / "bridge.svg"
    assert str(written) in said.args[0]
    svg = written.read_text(encoding="utf-8").lower()
    light = theme.palette_for(theme.LIGHT)
    assert light.color(light.ColorRole.WindowText).name() in svg
    dark = theme.palette_for(theme.DARK)
    assert dark.color(dark.ColorRole.WindowText).name() not in svg


def test_an_exported_figure_replaces_a_file_only_when_the_person_says_yes(
    qtbot: QtBot, view: DrillsView, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    existing = tmp_path / "bridge.svg"
    existing.write_text("kept", encoding="utf-8")
    messages: list[str] = []
    view.message.connect(messages.append)
    view.select_drill("glute-bridge")
    button = view.findChild(QToolButton, "exportFigureButton")

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    save_as("exportFigureDialog", tmp_path / "bridge")
    box = answer("replaceFigureQuestion", QMessageBox.StandardButton.No)
    assert box.windowTitle() == "Replace the file?"
    assert box.text() == f"{existing} already exists. Replace it?"
    assert existing.read_text(encoding="utf-8") == "kept"
    assert messages == []

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    save_as("exportFigureDialog", tmp_path / "bridge")
    with qtbot.waitSignal(view.message) as said:
        answer("replaceFigureQuestion", QMessageBox.StandardButton.Yes)
    assert said.args == [f"Figure saved to {existing}"]
    assert existing.read_text(encoding="utf-8").lstrip().startswith("<")


def test_a_figure_that_cannot_be_written_says_why(
    qtbot: QtBot, view: DrillsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from hinge_desktop.ui.library import figure_export

    def refuse(*args: object) -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(figure_export, "write_svg", refuse)
    messages: list[str] = []
    view.message.connect(messages.append)
    view.select_drill("glute-bridge")
    qtbot.mouseClick(view.findChild(QToolButton, "exportFigureButton"), Qt.MouseButton.LeftButton)
    save_as("exportFigureDialog", tmp_path / "bridge.svg")
    box = answer("figureExportErrorBox", QMessageBox.StandardButton.Ok)
    assert box.windowTitle() == "Export failed"
    assert box.text() == f"Could not write {tmp_path / 'bridge.svg'}: read-only file system"
    assert messages == []


def test_starting_any_drill_never_makes_the_window_wider_than_a_laptop_screen(
    start_hinge: StartHinge, catalogue: Catalogue
) -> None:
    window = start_hinge(shown=False).window
    workout = window.view("workout")
    # Measured with a drill loaded: the log panel beside the player is there from then on.
    workout.show_drill(catalogue.get("dead-bug"))
    empty_width = workout.minimumSizeHint().width()
    for drill in catalogue:
        workout.show_drill(drill)
        # Long names and cue lists wrap instead of widening the view.
        assert workout.minimumSizeHint().width() <= empty_width, drill.id
        assert window.minimumSizeHint().width() <= 1280, drill.id


def test_the_figure_pauses_from_the_keyboard(qtbot: QtBot, catalogue: Catalogue) -> None:
    figure = FigureWidget()
    qtbot.addWidget(figure)
    figure.set_drill(catalogue.get("dead-bug"))
    figure.show()
    qtbot.waitExposed(figure)
    figure.setFocus()
    qtbot.keyClick(figure, Qt.Key.Key_Space)
    assert not figure.is_playing()
    qtbot.keyClick(figure, Qt.Key.Key_Space)
    assert figure.is_playing()
    figure.hide()
