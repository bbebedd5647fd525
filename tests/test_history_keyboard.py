"""History's keyboard shortcuts say what they do in the keyboard list (F1), which is built from
every action with a shortcut and shows each by its text; and they work wherever the keyboard is
in the window while History is shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QTabWidget, QToolButton, QWidget

from hinge_desktop.domain.training import LoggedSet


def test_the_keyboard_list_names_the_range_and_save_shortcuts(hinge: HingeWindow) -> None:
    dialog = hinge.window.show_shortcuts()
    try:
        by_keys = {keys: name for name, keys in dialog.shortcuts().items()}
    finally:
        dialog.close()
    assert by_keys["Alt+1"] == "Show the last 4 weeks"
    assert by_keys["Alt+2"] == "Show the last 3 months"
    assert by_keys["Alt+3"] == "Show the last year"
    assert by_keys["Alt+4"] == "Show all of the drill's history"
    assert by_keys["Ctrl+Shift+S"] == "Save the chart as a PNG image"


def test_every_shortcut_of_history_and_settings_has_words(hinge: HingeWindow) -> None:
    for name in ("historyView", "settingsView"):
        view = hinge.widget(QWidget, name)
        actions = [a for a in view.findChildren(QAction) if not a.shortcut().isEmpty()]
        assert all(a.text().strip() for a in actions), [a.shortcut().toString() for a in actions]
    assert len(hinge.widget(QWidget, "historyView").findChildren(QAction)) >= 5


def test_the_range_keys_work_as_soon_as_history_is_clicked_in_the_navigation(
    start_hinge: StartHinge,
) -> None:
    hinge = start_hinge(active=True)
    hinge.store.sets.add_many(
        [
            LoggedSet("glute-bridge", datetime(2025, 1, 6, 8, tzinfo=UTC) + timedelta(days=day), 1)
            for day in range(0, 400, 5)
        ]
    )
    nav = hinge.widget(QListWidget, "viewNav")
    progress = hinge.views.progress
    with hinge.qtbot.waitSignal(progress.loaded, timeout=10_000):
        rect = nav.visualItemRect(nav.item(3))
        hinge.qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert hinge.window.current_view() == "history"
    assert nav.hasFocus()  # the keyboard is still in the navigation, as after any click there
    assert hinge.widget(QToolButton, "range1Year").isChecked()  # the range History opens on
    for key, name in (
        (Qt.Key.Key_1, "range4Weeks"),
        (Qt.Key.Key_4, "rangeAll"),
        (Qt.Key.Key_2, "range3Months"),
    ):
        hinge.qtbot.keyClick(nav, key, Qt.KeyboardModifier.AltModifier)
        assert hinge.widget(QToolButton, name).isChecked(), name
    # In Drills the same keys choose its pages, not History's ranges.
    hinge.window.show_view("drills")
    library = hinge.widget(QTabWidget, "drillsView")
    hinge.qtbot.keyClick(nav, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert library.currentIndex() == 1
    assert hinge.widget(QToolButton, "range3Months").isChecked()
