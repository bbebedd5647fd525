"""The library on a laptop's screen: the drill pane never scrolls sideways, its texts wrap and its
buttons reflow; the routines, the ladder and one's own drills fit a 1000 × 580 window; buttons,
columns and dialog titles show their whole text; every key of the library is named in Help."""

from __future__ import annotations

import math

import pytest
from hinge_window import HingeWindow
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.ui.library.library_view import LibraryView

# The default window on a 1280 × 800 screen (nine tenths of it), that screen, a laptop at 150 %
# and a netbook.
SIZES = [QSize(1152, 720), QSize(1280, 800), QSize(1280, 720), QSize(1024, 600)]
SMALLEST = QSize(1000, 580)
NAVIGATION = 200


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def library(hinge: HingeWindow) -> LibraryView:
    view = hinge.window.view("drills")
    assert isinstance(view, LibraryView)
    return view


def sized(hinge: HingeWindow, size: QSize) -> None:
    """The window at ``size`` (as wide as asked; no shorter than the other views allow)."""
    hinge.window.resize(size)
    settle()
    assert hinge.window.width() == size.width()


def detail_scroll(hinge: HingeWindow) -> QScrollArea:
    area = hinge.widget(QWidget, "drillDetail").findChild(QScrollArea)
    assert area is not None
    return area


def overlapping(widgets: list[QWidget], within: QWidget) -> list[tuple[str, str]]:
    """Pairs of the visible ``widgets`` whose rectangles (in ``within``) overlap."""
    shown = [w for w in widgets if w.isVisibleTo(within) and w.width() and w.height()]
    rects = {w: QRect(w.mapTo(within, QPoint(0, 0)), w.size()) for w in shown}
    pairs = []
    for i, first in enumerate(shown):
        for second in shown[i + 1 :]:
            if rects[first].intersects(rects[second]):
                pairs.append((first.objectName(), second.objectName()))
    return pairs


def detail_parts(hinge: HingeWindow) -> list[QWidget]:
    detail = hinge.widget(QWidget, "drillDetail")
    names = [
        "drillTitle",
        "drillFacts",
        "drillNeighbours",
        "startDrillButton",
        "quickLogButton",
        "addToRoutineButton",
        "favouriteButton",
        "exportFigureButton",
        "drillFigure",
        "drillPrescription",
        "drillBody",
    ]
    parts = [detail.findChild(QWidget, name) for name in names]
    assert all(part is not None for part in parts)
    return parts  # type: ignore[return-value]


def whole(button: QAbstractButton) -> bool:
    """Whether the button is wide enough for its whole text."""
    return button.width() >= button.sizeHint().width()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_no_drill_needs_a_horizontal_scroll_bar(
    qtbot: QtBot, hinge: HingeWindow, catalogue: Catalogue, size: QSize
) -> None:
    hinge.show("drills")
    sized(hinge, size)
    drills = library(hinge).drills
    bar = detail_scroll(hinge).horizontalScrollBar()
    for drill in catalogue:
        drills.select_drill(drill.id)
        settle()
        assert not bar.isVisible(), drill.id
        assert bar.maximum() == 0, drill.id
        assert overlapping(detail_parts(hinge), hinge.widget(QWidget, "drillDetail")) == []
        for name in ("startDrillButton", "quickLogButton", "exportFigureButton"):
            assert whole(hinge.widget(QAbstractButton, name)), (drill.id, name)


def test_after_restoring_a_smaller_size_nothing_in_the_drill_pane_overlaps(
    qtbot: QtBot, hinge: HingeWindow
) -> None:
    hinge.show("drills")
    drills = library(hinge).drills
    drills.select_drill("aslr-test")
    sized(hinge, QSize(1280, 800))
    saved = hinge.window.saveGeometry()
    for size in (QSize(1024, 600), QSize(1280, 800), QSize(1000, 580)):
        sized(hinge, size)
        small = hinge.window.saveGeometry()
        sized(hinge, QSize(1280, 800))
        assert hinge.window.restoreGeometry(small)
        settle()
        detail = hinge.widget(QWidget, "drillDetail")
        assert overlapping(detail_parts(hinge), detail) == []
        assert detail_scroll(hinge).horizontalScrollBar().maximum() == 0
    assert hinge.window.restoreGeometry(saved)
    settle()
    assert overlapping(detail_parts(hinge), hinge.widget(QWidget, "drillDetail")) == []


def test_the_buttons_reflow_in_a_narrow_drill_pane(qtbot: QtBot, hinge: HingeWindow) -> None:
    hinge.show("drills")
    sized(hinge, QSize(1024, 600))
    start = hinge.widget(QPushButton, "startDrillButton")
    export = hinge.widget(QAbstractButton, "exportFigureButton")
    # Five buttons do not fit one line of a pane this narrow: they wrap, each whole.
    assert export.y() > start.y()
    assert whole(start)
    assert whole(export)


def test_the_library_fits_the_smallest_window(qtbot: QtBot, hinge: HingeWindow) -> None:
    view = library(hinge)
    window = hinge.window
    room = QSize(
        SMALLEST.width() - NAVIGATION,
        SMALLEST.height()
        - window.menuBar().sizeHint().height()
        - window.statusBar().sizeHint().height(),
    )
    hint = view.minimumSizeHint()
    assert hint.width() <= room.width()
    assert hint.height() <= room.height()
    tab_bar = view.tabBar().sizeHint().height()
    for index in range(view.count()):
        page = view.widget(index).minimumSizeHint()
        assert page.width() <= room.width(), view.tabText(index)
        assert page.height() <= room.height() - tab_bar, view.tabText(index)
    assert [view.tabText(i) for i in range(view.count())] == [
        "Drills",
        "Routines",
        "Ladder",
        "Your drills",
    ]


def own_routine(hinge: HingeWindow, *drill_ids: str) -> None:
    routines = library(hinge).routines
    routines.add_drill(drill_ids[0], "")
    routine = routines.current_routine()
    assert routine is not None
    for drill_id in drill_ids[1:]:
        routines.add_drill(drill_id, routine.id)
    library(hinge).show_routines()
    settle()


def drill_column_readable(tree: QTreeWidget) -> None:
    """Each drill's name is shown whole: on one line, or wrapped onto as many as it needs."""
    width = tree.header().sectionSize(1)
    metrics = QFontMetrics(tree.font())
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        text = metrics.horizontalAdvance(item.text(1))
        lines = math.ceil(text / max(1, width - 12))
        assert tree.visualItemRect(item).height() >= lines * metrics.lineSpacing(), item.text(1)


@pytest.mark.parametrize("size", [*SIZES, SMALLEST], ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_routine_editor_shows_whole_buttons_and_drill_names(
    qtbot: QtBot, hinge: HingeWindow, size: QSize
) -> None:
    hinge.show("drills")
    own_routine(
        hinge,
        "single-leg-glute-bridge",
        "aslr-distraction-test",
        "kettlebell-deadlift-block",
        "glute-bridge",
    )
    sized(hinge, size)
    tree = hinge.widget(QTreeWidget, "routineEntries")
    tree.setCurrentItem(tree.topLevelItem(1))
    settle()
    names = [
        "startRoutineButton",
        "duplicateRoutineButton",
        "deleteRoutineButton",
        "moveEntryUpButton",
        "moveEntryDownButton",
        "removeEntryButton",
    ]
    buttons = [hinge.widget(QAbstractButton, name) for name in names]
    for button in buttons:
        assert button.isVisibleTo(hinge.window), button.objectName()
        assert whole(button), (button.objectName(), button.width(), button.sizeHint().width())
    fields = [
        hinge.widget(QWidget, name)
        for name in ("entrySetsInputField", "entryRepsInputField", "entryRestInputField")
    ]
    editor = hinge.widget(QWidget, "routineEditor")
    assert overlapping([*buttons, *fields, tree], editor) == []
    drill_column_readable(tree)


def test_a_long_drill_name_wraps_in_a_narrow_routine_editor(
    qtbot: QtBot, hinge: HingeWindow
) -> None:
    hinge.show("drills")
    own_routine(hinge, "aslr-distraction-test", "glute-bridge")
    sized(hinge, QSize(1024, 600))
    tree = hinge.widget(QTreeWidget, "routineEntries")
    # However the space is shared, a name wider than its column takes a second line.
    tree.header().resizeSection(0, 30)
    tree.setFixedWidth(320)
    settle()
    drill_column_readable(tree)
    long_row = tree.visualItemRect(tree.topLevelItem(0)).height()
    short_row = tree.visualItemRect(tree.topLevelItem(1)).height()
    assert long_row > short_row


def test_a_delete_question_shows_its_whole_title(qtbot: QtBot, hinge: HingeWindow) -> None:
    hinge.show("drills")
    own_routine(hinge, "glute-bridge")
    routines = library(hinge).routines
    routines.editor.delete_button.click()
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "deleteRoutineConfirm" and w.isVisible()
    )
    settle()
    title = box.windowTitle()
    app = QGuiApplication.applicationDisplayName()
    shown = title if app in title else f"{title} \u2014 {app}"
    font = QFont(box.font())
    font.setBold(True)
    # The title in a title bar's bold type, with room for the bar's buttons beside it.
    assert box.width() >= QFontMetrics(font).horizontalAdvance(shown) + 100
    box.reject()


def test_a_short_question_is_as_wide_as_its_title(qtbot: QtBot) -> None:
    from hinge_desktop.ui.widgets.dialogs import confirm_delete

    parent = QWidget()
    qtbot.addWidget(parent)
    box = confirm_delete(parent, "shortQuestion", "Delete the routine?", "Sure?", lambda: None)
    settle()
    font = QFont(box.font())
    font.setBold(True)
    assert box.width() >= QFontMetrics(font).horizontalAdvance("Delete the routine?") + 100
    box.reject()


def test_every_key_of_the_library_is_named_in_help(qtbot: QtBot, hinge: HingeWindow) -> None:
    view = library(hinge)
    ours = [
        action
        for action in hinge.window.actions_with_shortcuts()
        if any(w is view or view.isAncestorOf(w) for w in action.associatedObjects())
    ]
    keys = {action.shortcut().toString() for action in ours}
    assert {"Ctrl+Up", "Ctrl+Down", "Alt+1", "Alt+4", "Ctrl+D", "Ctrl+L"} <= keys
    for action in ours:
        assert action.text().strip(), action.shortcut().toString()
    dialog = hinge.window.show_shortcuts()
    listed = dialog.shortcuts()
    dialog.close()
    assert listed["Move the drill up in the routine"] == "Ctrl+Up"
    assert listed["Move the drill down in the routine"] == "Ctrl+Down"
    assert listed["Show the ladder"] == "Alt+3"
    assert listed["Log a set of the drill shown"] == "Ctrl+L"
    for action in ours:
        name = action.text().replace("&", "")
        assert listed[name] == action.shortcut().toString(), name


def test_the_alt_keys_open_the_library_tabs(qtbot: QtBot, hinge: HingeWindow) -> None:
    view = library(hinge)
    hinge.show("drills")
    for number, page in enumerate(
        [view.drills, view.routines, view.ladder_page, view.own_drills], start=1
    ):
        action = next(a for a in view.actions() if a.shortcut().toString() == f"Alt+{number}")
        action.trigger()
        assert view.currentWidget() is page
