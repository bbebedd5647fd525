"""The main window: side navigation, the views, menus and the status bar.

It only hosts views; app.py builds them with their collaborators and installs them here. Each
view sits in a scroll area of its own, so that a view taller than a small screen scrolls rather
than make the window grow past the screen (its width is the view's to fit); the window opens
within the screen. A view that has something under way is asked before the window quits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from hinge_desktop import APP_NAME
from hinge_desktop.ui.preferences import LAST_VIEW, WINDOW_GEOMETRY, Preferences
from hinge_desktop.ui.shell.navigation import VIEWS
from hinge_desktop.ui.shell.window_fit import ViewPlace, default_size, fit_on_screen
from hinge_desktop.ui.widgets.icons import icon

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QMessageBox

    from hinge_desktop.ui.shell.shortcuts_dialog import Shortcut, ShortcutsDialog


def _qt() -> type[Qt]:
    """The ``Qt`` namespace, reached only after the first paint: its first use builds every one
    of its enums, which takes about 40 ms, as long as the rest of the window together."""
    from PySide6.QtCore import Qt

    return Qt


class MainWindow(QMainWindow):
    first_painted = Signal()
    state_saving = Signal()
    """Emitted when the window saves its state, so each view can save its own with it."""
    """Emitted once, when the window has painted for the first time."""

    view_changed = Signal(str)
    follow_along_changed = Signal(bool)
    """Emitted when the window enters (True) or leaves (False) the follow-along mode."""

    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        keys_after_paint: bool = False,
    ) -> None:
        """``keys_after_paint``: the menus' shortcuts wait for :meth:`add_shortcuts`, called
        after the first paint (see ``_qt``: giving an action its key builds the ``Qt``
        namespace)."""
        super().__init__(parent)
        self._keys_after_paint = keys_after_paint
        self._waiting_keys: list[tuple[QAction, str | QKeySequence.StandardKey, str]] = []
        self.setObjectName("MainWindow")
        self.setAccessibleName(APP_NAME)
        self.setWindowTitle(APP_NAME)
        self._preferences = preferences
        self._painted = False
        self._follow_along = False
        self._maximized_before = False
        self._titles = {
            "today": self.tr("Today"),
            "drills": self.tr("Drills"),
            "workout": self.tr("Workout"),
            "history": self.tr("History"),
            "settings": self.tr("Settings"),
        }

        self._nav = QListWidget()
        self._nav.setObjectName("viewNav")
        self._nav.setAccessibleName(self.tr("Views"))
        self._nav.setIconSize(QSize(24, 24))
        self._nav.setFixedWidth(200)
        self._nav.setFrameShape(QListWidget.Shape.NoFrame)
        self._nav.setSpacing(3)
        nav_font = self._nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self._nav.setFont(nav_font)
        self._stack = QStackedWidget()
        self._stack.setObjectName("viewStack")
        for name in VIEWS:
            item = QListWidgetItem(icon(name), self._titles[name])
            item.setSizeHint(QSize(0, 44))
            self._nav.addItem(item)
            # A bare placeholder until the view is installed (a ViewPlace needs ``Qt``).
            self._stack.addWidget(QWidget())
        self._quitting = False

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.statusBar().setObjectName("statusBar")
        self._nav.currentRowChanged.connect(self._on_row_changed)

        geometry = preferences.get(WINDOW_GEOMETRY)
        available = self.screen().availableGeometry()
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(default_size(available.size()))
        elif not self.isMaximized() and not self.isFullScreen():
            # Saved on a larger screen, or by an older Hinge that grew past the screen.
            self.setGeometry(fit_on_screen(self.geometry(), available))
        self.show_view(preferences.get(LAST_VIEW))

    # Views -------------------------------------------------------------------------------

    def install_view(self, name: str, view: QWidget) -> None:
        """Put ``view`` in the place of ``name`` (one of the names in VIEWS)."""
        index = VIEWS.index(name)
        old = self._stack.widget(index)
        self._stack.insertWidget(index, ViewPlace(view))
        self._stack.removeWidget(old)
        old.deleteLater()
        # A view that offers a follow-along mode asks for it with a signal and is told of it.
        requested = getattr(view, "follow_along_requested", None)
        if requested is not None:
            requested.connect(self.set_follow_along)
        adapt = getattr(view, "set_follow_along", None)
        if callable(adapt):
            self.follow_along_changed.connect(adapt)
        follow = getattr(view, "follow_along_action", None)
        if isinstance(follow, QAction):
            # The view's own action, so that it works in full screen too, where menus hide.
            self.view_menu.addSeparator()
            self.view_menu.addAction(follow)
        if self._nav.currentRow() == index:
            self._stack.setCurrentIndex(index)

    def view(self, name: str) -> QWidget:
        place = self._stack.widget(VIEWS.index(name))
        return place.view() if isinstance(place, ViewPlace) else place

    def _views(self) -> list[QWidget]:
        return [self.view(name) for name in VIEWS]

    def _find_drill(self) -> None:
        """Ctrl+F from anywhere: the drill library, with the keyboard in its search box."""
        self.show_view("drills")
        view = self.view("drills")
        find = getattr(view, "focus_search", None)
        if callable(find):
            find()

    def show_view(self, name: str) -> None:
        self._nav.setCurrentRow(VIEWS.index(name))

    def current_view(self) -> str:
        return VIEWS[self._stack.currentIndex()]

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if self._follow_along and VIEWS[row] != "workout":
            self.set_follow_along(False)
        self._stack.setCurrentIndex(row)
        self._view_actions[row].setChecked(True)
        self.view_changed.emit(VIEWS[row])

    # Follow-along ------------------------------------------------------------------------

    def follow_along(self) -> bool:
        return self._follow_along

    def set_follow_along(self, on: bool) -> None:
        """Full screen with only the workout: no navigation, menus or status bar.

        Leaving restores the window as it was, maximised or not.
        """
        if on == self._follow_along:
            return
        self._follow_along = on
        if on:
            self._maximized_before = self.isMaximized()
            self.show_view("workout")
        for chrome in (self._nav, self.menuBar(), self.statusBar()):
            chrome.setVisible(not on)
        if on:
            self.showFullScreen()
        elif self._maximized_before:
            self.showMaximized()
        else:
            self.showNormal()
        self.follow_along_changed.emit(on)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The window system can take the window out of full screen (a key of its own): then the
        # follow-along mode ends too, and the navigation comes back.
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self._follow_along
            and not self.windowState() & _qt().WindowState.WindowFullScreen
        ):
            self._follow_along = False
            for chrome in (self._nav, self.menuBar(), self.statusBar()):
                chrome.show()
            self.follow_along_changed.emit(False)

    # Menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        # Enabled once the training log is open.
        self.import_action = file_menu.addAction(self.tr("&Import…"))
        self.import_action.setObjectName("importAction")
        self._keys(self.import_action, "Ctrl+I")
        self.import_action.setStatusTip(
            self.tr("Add the sets of an export from Strong, Hevy, FitNotes or Hinge to your log")
        )
        self.import_action.setEnabled(False)
        file_menu.addSeparator()
        self.export_action = file_menu.addAction(self.tr("&Export log as CSV…"))
        self.export_action.setObjectName("exportAction")
        self._keys(self.export_action, "Ctrl+E")
        self.export_action.setStatusTip(self.tr("Every logged set, for a spreadsheet"))
        self.export_action.setEnabled(False)
        self.export_json_action = file_menu.addAction(self.tr("Export everything as &JSON…"))
        self.export_json_action.setObjectName("exportJsonAction")
        self._keys(self.export_json_action, "Ctrl+Shift+E")
        self.export_json_action.setStatusTip(
            self.tr(
                "Sets, routines, favourites, the ladder and your own drills, to import "
                "into Hinge on another computer"
            )
        )
        self.export_json_action.setEnabled(False)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setObjectName("quitAction")
        # The platform's own quit keys, or Ctrl+Q where it has none.
        self._keys(quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.request_quit)

        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu.setObjectName("editMenu")

        self.view_menu = view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self._view_actions: list[QAction] = []
        for number, name in enumerate(VIEWS, start=1):
            action = view_menu.addAction(icon(name), self._titles[name])
            action.setObjectName(f"show{name.capitalize()}Action")
            action.setCheckable(True)
            self._keys(action, f"Ctrl+{number}")
            action.triggered.connect(lambda _checked=False, n=name: self.show_view(n))
            group.addAction(action)
            self._view_actions.append(action)
        view_menu.addSeparator()
        self.find_drill_action = view_menu.addAction(icon("drills"), self.tr("&Find a drill"))
        self.find_drill_action.setObjectName("findDrillAction")
        self._keys(self.find_drill_action, QKeySequence.StandardKey.Find)
        self.find_drill_action.triggered.connect(self._find_drill)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts_action = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        shortcuts_action.setObjectName("shortcutsAction")
        self._keys(shortcuts_action, "F1")
        shortcuts_action.triggered.connect(self.show_shortcuts)
        about_action = help_menu.addAction(self.tr("&About {app}").format(app=APP_NAME))
        about_action.setObjectName("aboutAction")
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.show_about)

    def _keys(
        self, action: QAction, keys: str | QKeySequence.StandardKey, fallback: str = ""
    ) -> None:
        """Give ``action`` its shortcut, now or (see ``keys_after_paint``) after the first
        paint; ``fallback`` where the platform has no standard key."""
        self._waiting_keys.append((action, keys, fallback))
        if not self._keys_after_paint:
            self.add_shortcuts()

    def add_shortcuts(self) -> None:
        """Give the menus' actions their keys, if they are still waiting for them."""
        waiting, self._waiting_keys = self._waiting_keys, []
        for action, keys, fallback in waiting:
            action.setShortcut(QKeySequence(keys))
            if action.shortcut().isEmpty() and fallback:
                action.setShortcut(QKeySequence(fallback))

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Edit → Undo and Redo for every change to the training log."""
        undo = stack.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("undoAction")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo), QKeySequence("Ctrl+Z")])
        redo = stack.createRedoAction(self, self.tr("&Redo"))
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
            self.edit_menu.addAction(action)
        self.undo_action, self.redo_action = undo, redo

    def shortcuts(self) -> list[Shortcut]:
        """Every shortcut the window has, each with where it works, what it does and its keys:
        the menus' first ("Anywhere"), then each view's."""
        from hinge_desktop.ui.shell.shortcuts_dialog import window_shortcuts

        return window_shortcuts(self.menuBar(), self._named_views(), self.tr("Anywhere"))

    def actions_with_shortcuts(self) -> list[QAction]:
        """Every action that has a shortcut, the menus' first, then each view's."""
        from hinge_desktop.ui.shell.shortcuts_dialog import window_actions

        found = window_actions(self.menuBar(), self._named_views(), self.tr("Anywhere"))
        return [action for _where, action in found]

    def _named_views(self) -> list[tuple[str, QWidget]]:
        return [(self._titles[name], self.view(name)) for name in VIEWS]

    def show_shortcuts(self) -> ShortcutsDialog:
        # Imported on first use: dialogs are not needed to paint the window.
        from hinge_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcuts(), self)
        dialog.setAttribute(_qt().WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        from hinge_desktop.ui.shell.about_box import open_about

        return open_about(self)

    # State -------------------------------------------------------------------------------

    def save_state(self) -> None:
        """Remember the window's size, place and view for the next start."""
        self._preferences.set(WINDOW_GEOMETRY, self.saveGeometry().data())
        self._preferences.set(LAST_VIEW, self.current_view())
        self.state_saving.emit()

    def request_quit(self) -> None:
        """File → Quit: a view with something under way asks first (a workout); then close."""
        if not self._ask_before_quitting():
            self._quit_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The person closed the window (its close button, the window manager's key): asked as
        # Quit asks. A close from Hinge itself (a signal to quit, a restore) is not asked.
        if event.spontaneous() and not self._quitting and self._ask_before_quitting():
            event.ignore()
            return
        self.set_follow_along(False)
        self.save_state()
        super().closeEvent(event)

    def _ask_before_quitting(self) -> bool:
        """True if a view asked (it closes the window itself if the person agrees)."""
        for view in self._views():
            ask = getattr(view, "ask_before_quitting", None)
            if callable(ask) and ask(self._quit_now):
                return True
        return False

    def _quit_now(self) -> None:
        self._quitting = True
        self.close()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
