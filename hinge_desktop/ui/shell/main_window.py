"""The main window: side navigation, the views, menus and the status bar.

It only hosts views; app.py builds them with their collaborators and installs them here. Each
view sits in a scroll area of its own, so that a view taller than a small screen scrolls rather
than make the window grow past the screen (its width is the view's to fit); the window opens
within the screen. A view that has something under way is asked before the window quits.

When Hinge starts, the window is shown first as an outline of itself (its size, place and colours,
and the navigation's column): that paints about as soon as a bare Qt window does. The navigation,
the menus and the status bar are built right after (:meth:`MainWindow.build_chrome`), before the
start goes on (``app.py``). What they need is imported there, not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from hinge_desktop import APP_NAME
from hinge_desktop.ui.preferences import LAST_VIEW, WINDOW_GEOMETRY, Preferences
from hinge_desktop.ui.shell.navigation import VIEWS
from hinge_desktop.ui.shell.window_fit import default_size, fit_on_screen, outline

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QUndoStack, QWindow
    from PySide6.QtWidgets import QListWidget, QMenu, QMessageBox, QStackedWidget

    from hinge_desktop.ui.shell.shortcuts_dialog import Shortcut, ShortcutsDialog

NAV_WIDTH = 200


def _qt() -> type[Qt]:
    """The ``Qt`` namespace, reached only after the first paint: its first use builds every one
    of its enums, which takes about 40 ms, as long as the rest of the window together."""
    from PySide6.QtCore import Qt

    return Qt


class MainWindow(QMainWindow):
    import_action: QAction
    export_action: QAction
    export_json_action: QAction
    find_drill_action: QAction
    undo_action: QAction
    redo_action: QAction
    edit_menu: QMenu
    view_menu: QMenu
    view_actions: list[QAction]
    """The View menu's action for each view, in the order of VIEWS."""

    first_painted = Signal()
    """Emitted once, when the window has painted for the first time."""
    state_saving = Signal()
    """Emitted when the window saves its state, so each view can save its own with it."""

    view_changed = Signal(str)
    follow_along_changed = Signal(bool)
    """Emitted when the window enters (True) or leaves (False) the follow-along mode."""

    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        staged: bool = False,
    ) -> None:
        """``staged``: show only the window's outline until :meth:`build_chrome`, and give the
        menus' actions their keys only in :meth:`add_shortcuts` (giving an action its key
        builds the ``Qt`` namespace, see ``_qt``); both are called after the first paint."""
        super().__init__(parent)
        self._follow_along = False
        self._watched: QWindow | None = None
        """The window whose state is watched while the follow-along mode lasts."""
        self._staged = staged
        self._saves_state = not staged
        self._waiting_keys: list[tuple[QAction, str | QKeySequence.StandardKey, str]] = []
        self.setObjectName("MainWindow")
        self.setAccessibleName(APP_NAME)
        self.setWindowTitle(APP_NAME)
        self._preferences = preferences
        self._painted = False
        self._maximized_before = False
        self._quitting = False
        self.close_to_background: Callable[[], bool] | None = None  # True: Hinge keeps running
        self._chrome = False
        self.titles = {
            "today": self.tr("Today"),
            "drills": self.tr("Drills"),
            "workout": self.tr("Workout"),
            "history": self.tr("History"),
            "settings": self.tr("Settings"),
        }

        geometry = preferences.get(WINDOW_GEOMETRY)
        available = self.screen().availableGeometry()
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(default_size(available.size()))
        elif not self.isMaximized() and not self.isFullScreen():
            # Saved on a larger screen, or by an older Hinge that grew past the screen.
            self.setGeometry(fit_on_screen(self.geometry(), available))
        if staged:
            self.setCentralWidget(outline(NAV_WIDTH))
        else:
            self.build_chrome()

    def build_chrome(self) -> None:
        """Build the navigation, the place of each view, the menus and the status bar (once)."""
        if self._chrome:
            return
        from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget

        from hinge_desktop.ui.widgets.icons import icon

        self._chrome = True
        self._nav: QListWidget = QListWidget()
        self._nav.setObjectName("viewNav")
        self._nav.setAccessibleName(self.tr("Views"))
        self._nav.setIconSize(QSize(24, 24))
        self._nav.setFixedWidth(NAV_WIDTH)
        self._nav.setFrameShape(QListWidget.Shape.NoFrame)
        self._nav.setSpacing(3)
        nav_font = self._nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self._nav.setFont(nav_font)
        self._stack: QStackedWidget = QStackedWidget()
        self._stack.setObjectName("viewStack")
        for name in VIEWS:
            item = QListWidgetItem(icon(name), self.titles[name])
            item.setSizeHint(QSize(0, 44))
            self._nav.addItem(item)
            # A bare placeholder until the view is installed (a ViewPlace needs ``Qt``).
            self._stack.addWidget(QWidget())

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        from hinge_desktop.ui.shell.window_menus import build_menus

        build_menus(self)
        self.statusBar().setObjectName("statusBar")
        self._nav.currentRowChanged.connect(self._on_row_changed)
        self.show_view(self._preferences.get(LAST_VIEW))
        if self.isVisible():
            # Built in a window already shown: Qt would show the status bar one turn later and
            # lay it out after its first paint (its size grip at the left, for a frame).
            bar = self.statusBar()
            bar.show()
            for layout in (self.layout(), bar.layout()):
                if layout is not None:
                    layout.activate()

    # Views -------------------------------------------------------------------------------

    def install_view(self, name: str, view: QWidget) -> None:
        """Put ``view`` in the place of ``name`` (one of the names in VIEWS)."""
        from PySide6.QtGui import QAction

        from hinge_desktop.ui.shell.view_place import ViewPlace

        self.build_chrome()
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
        from hinge_desktop.ui.shell.view_place import ViewPlace

        self.build_chrome()
        place = self._stack.widget(VIEWS.index(name))
        return place.view() if isinstance(place, ViewPlace) else place

    def _views(self) -> list[QWidget]:
        """The installed views and placeholders (none while the window is an outline)."""
        return [self.view(name) for name in VIEWS] if self._chrome else []

    def find_drill(self) -> None:
        """Ctrl+F from anywhere: the drill library, with the keyboard in its search box."""
        self.show_view("drills")
        view = self.view("drills")
        find = getattr(view, "focus_search", None)
        if callable(find):
            find()

    def show_view(self, name: str) -> None:
        self.build_chrome()
        self._nav.setCurrentRow(VIEWS.index(name))

    def current_view(self) -> str:
        if not self._chrome:
            return self._preferences.get(LAST_VIEW)
        return VIEWS[self._stack.currentIndex()]

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if self._follow_along and VIEWS[row] != "workout":
            self.set_follow_along(False)
        self._stack.setCurrentIndex(row)
        self.view_actions[row].setChecked(True)
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
            self._watch_window_state(True)
        else:
            self._watch_window_state(False)
            if self._maximized_before:
                self.showMaximized()
            else:
                self.showNormal()
        self.follow_along_changed.emit(on)

    def _on_window_state(self, _state: Qt.WindowState) -> None:
        # The window system can take the window out of full screen (a key of its own): then the
        # follow-along mode ends too, and the navigation comes back; minimised, it stays full
        # screen. (Watched only while it lasts: a Python changeEvent would build every enum of
        # QEvent before the first paint.) The signal gives the strongest state only.
        states = self._watched.windowStates() if self._watched is not None else _state
        states_of = _qt().WindowState
        if (
            self._follow_along
            and not states & states_of.WindowFullScreen
            and not states & states_of.WindowMinimized
        ):
            self._watch_window_state(False)
            self._follow_along = False
            for chrome in (self._nav, self.menuBar(), self.statusBar()):
                chrome.show()
            self.follow_along_changed.emit(False)

    def _watch_window_state(self, on: bool) -> None:
        handle = self.windowHandle()
        if on and handle is not None and self._watched is None:
            handle.windowStateChanged.connect(self._on_window_state)
            self._watched = handle
        elif not on and self._watched is not None:
            self._watched.windowStateChanged.disconnect(self._on_window_state)
            self._watched = None

    # Menus -------------------------------------------------------------------------------

    def keys(
        self, action: QAction, keys: str | QKeySequence.StandardKey, fallback: str = ""
    ) -> None:
        """Give ``action`` its shortcut, now or (``staged``) in :meth:`add_shortcuts`;
        ``fallback`` where the platform has no standard key."""
        self._waiting_keys.append((action, keys, fallback))
        if not self._staged:
            self.add_shortcuts()

    def add_shortcuts(self) -> None:
        """Give the menus' actions their keys, if they are still waiting for them."""
        from PySide6.QtGui import QKeySequence

        self._staged = False  # keys given from now on are given at once
        waiting, self._waiting_keys = self._waiting_keys, []
        for action, keys, fallback in waiting:
            action.setShortcut(QKeySequence(keys))
            if action.shortcut().isEmpty() and fallback:
                action.setShortcut(QKeySequence(fallback))

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Edit → Undo and Redo for every change to the training log."""
        from hinge_desktop.ui.shell.window_menus import add_undo_and_redo

        self.build_chrome()
        self.undo_action, self.redo_action = add_undo_and_redo(self, stack)

    def shortcuts(self) -> list[Shortcut]:
        """Each shortcut's where, what and keys: the menus', each view's, the clips window's."""
        from hinge_desktop.ui.camera.clip_keys import clip_window_keys
        from hinge_desktop.ui.shell.shortcuts_dialog import window_shortcuts

        anywhere = self.tr("Anywhere")
        return window_shortcuts(self.menuBar(), self._named_views(), anywhere, clip_window_keys())

    def actions_with_shortcuts(self) -> list[QAction]:
        """Every action that has a shortcut, the menus' first, then each view's."""
        from hinge_desktop.ui.shell.shortcuts_dialog import window_actions

        found = window_actions(self.menuBar(), self._named_views(), self.tr("Anywhere"))
        return [action for _where, action in found]

    def _named_views(self) -> list[tuple[str, QWidget]]:
        return [(self.titles[name], self.view(name)) for name in VIEWS]

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

    def allow_saving_state(self) -> None:
        """The data folder is this Hinge's: its state may be saved in the folder's settings."""
        self._saves_state = True

    def save_state(self) -> None:
        """Remember the window's size, place and view for the next start (not while a staged
        window waits for its data folder: a second Hinge must not write the first one's)."""
        if not self._saves_state:
            return
        self._preferences.set(WINDOW_GEOMETRY, self.saveGeometry().data())
        if self._chrome:
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
        background = self.close_to_background
        if event.spontaneous() and not self._quitting and background is not None and background():
            self.set_follow_along(False)
            self.save_state()
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
