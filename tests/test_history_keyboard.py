"""History's keyboard shortcuts say what they do in the keyboard list (F1), which is built from
every action with a shortcut and shows each by its text."""

from __future__ import annotations

from hinge_window import HingeWindow
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


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
