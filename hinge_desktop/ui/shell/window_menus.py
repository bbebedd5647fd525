"""The window's menus: File, Edit, View and Help, with their keys (given when the window says).

Built once the window has painted (``MainWindow.build_chrome``): nothing here is loaded before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from hinge_desktop import APP_NAME
from hinge_desktop.ui.shell.navigation import VIEWS
from hinge_desktop.ui.widgets.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from hinge_desktop.ui.shell.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Fill ``window``'s menu bar and set its actions (``import_action`` and the rest)."""
    file_menu = window.menuBar().addMenu(window.tr("&File"))
    # Enabled once the training log is open.
    window.import_action = file_menu.addAction(window.tr("&Import…"))
    window.import_action.setObjectName("importAction")
    window.keys(window.import_action, "Ctrl+I")
    window.import_action.setStatusTip(
        window.tr("Add the sets of an export from Strong, Hevy, FitNotes or Hinge to your log")
    )
    window.import_action.setEnabled(False)
    file_menu.addSeparator()
    window.export_action = file_menu.addAction(window.tr("&Export log as CSV…"))
    window.export_action.setObjectName("exportAction")
    window.keys(window.export_action, "Ctrl+E")
    window.export_action.setStatusTip(window.tr("Every logged set, for a spreadsheet"))
    window.export_action.setEnabled(False)
    window.export_json_action = file_menu.addAction(window.tr("Export everything as &JSON…"))
    window.export_json_action.setObjectName("exportJsonAction")
    window.keys(window.export_json_action, "Ctrl+Shift+E")
    window.export_json_action.setStatusTip(
        window.tr(
            "Sets, routines, favourites, the ladder and your own drills, to import "
            "into Hinge on another computer"
        )
    )
    window.export_json_action.setEnabled(False)
    file_menu.addSeparator()
    # Given their work by the camera's wiring, once the player is built.
    clips = file_menu.addAction(window.tr("Filmed &clips…"))
    clips.setObjectName("clipsAction")
    clips.setStatusTip(window.tr("Replay, keep or delete the sets you filmed with the camera"))
    clips.setEnabled(False)
    analyse = file_menu.addAction(window.tr("&Analyse a clip…"))
    analyse.setObjectName("analyseClipAction")
    analyse.setStatusTip(
        window.tr("Count the reps in a video filmed from the side, and check the angles")
    )
    analyse.setEnabled(False)
    file_menu.addSeparator()
    quit_action = file_menu.addAction(window.tr("&Quit"))
    quit_action.setObjectName("quitAction")
    # The platform's own quit keys, or Ctrl+Q where it has none.
    window.keys(quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(window.request_quit)

    window.edit_menu = window.menuBar().addMenu(window.tr("&Edit"))
    window.edit_menu.setObjectName("editMenu")

    window.view_menu = view_menu = window.menuBar().addMenu(window.tr("&View"))
    view_menu.setObjectName("viewMenu")
    group = QActionGroup(window)
    group.setExclusive(True)
    window.view_actions = []
    for number, name in enumerate(VIEWS, start=1):
        action = view_menu.addAction(icon(name), window.titles[name])
        action.setObjectName(f"show{name.capitalize()}Action")
        action.setCheckable(True)
        window.keys(action, f"Ctrl+{number}")
        action.triggered.connect(lambda _checked=False, n=name: window.show_view(n))
        group.addAction(action)
        window.view_actions.append(action)
    view_menu.addSeparator()
    window.find_drill_action = view_menu.addAction(icon("drills"), window.tr("&Find a drill"))
    window.find_drill_action.setObjectName("findDrillAction")
    window.keys(window.find_drill_action, QKeySequence.StandardKey.Find)
    window.find_drill_action.triggered.connect(window.find_drill)

    help_menu = window.menuBar().addMenu(window.tr("&Help"))
    shortcuts_action = help_menu.addAction(window.tr("&Keyboard shortcuts"))
    shortcuts_action.setObjectName("shortcutsAction")
    window.keys(shortcuts_action, "F1")
    shortcuts_action.triggered.connect(window.show_shortcuts)
    about_action = help_menu.addAction(window.tr("&About {app}").format(app=APP_NAME))
    about_action.setObjectName("aboutAction")
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    about_action.triggered.connect(window.show_about)


def add_undo_and_redo(window: MainWindow, stack: QUndoStack) -> tuple[QAction, QAction]:
    """Edit → Undo and Redo for every change to the training log."""
    undo = stack.createUndoAction(window, window.tr("&Undo"))
    undo.setObjectName("undoAction")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo), QKeySequence("Ctrl+Z")])
    redo = stack.createRedoAction(window, window.tr("&Redo"))
    redo.setObjectName("redoAction")
    redo.setShortcuts(
        [
            QKeySequence(QKeySequence.StandardKey.Redo),
            QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y"),
        ]
    )
    for action in (undo, redo):
        # The same key sequences from two lists would make the shortcut ambiguous.
        unique: list[QKeySequence] = []
        for key in action.shortcuts():
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        action.setShortcuts(unique)
        window.edit_menu.addAction(action)
    return undo, redo
