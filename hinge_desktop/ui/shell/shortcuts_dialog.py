"""Help → Keyboard shortcuts: built from the window's actions and buttons, so it always tells the
truth. Each shortcut is listed with where it works (anywhere, or in one view), what it does and
its keys; the README's keyboard list is the same table, and a test keeps the two alike."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Shortcut = tuple[str, str, str]
"""Where a shortcut works (anywhere, or a view's name), what it does, and its keys."""


def words(text: str) -> str:
    """An action's or a button's text as read: without its mnemonic's "&" ("&&" is one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(keys: Iterable[QKeySequence]) -> str:
    """ "Return, Enter": every key sequence of an action, as the platform writes them."""
    return ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys if not key.isEmpty()
    )


def window_actions(
    menu_bar: QMenuBar, views: Iterable[tuple[str, QWidget]], anywhere: str
) -> list[tuple[str, QAction]]:
    """Every action with a shortcut and where it works: the menus' (``anywhere``), then each
    named view's and those of the widgets in it. An action in a menu and in a view (Follow
    along) is the menu's."""
    found: list[tuple[str, QAction]] = []
    seen: set[int] = set()
    for menu_action in menu_bar.actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else ():
            if not action.shortcut().isEmpty():
                seen.add(id(action))
                found.append((anywhere, action))
    for where, view in views:
        for widget in (view, *view.findChildren(QWidget)):
            for action in widget.actions():
                if not action.shortcut().isEmpty() and id(action) not in seen:
                    seen.add(id(action))
                    found.append((where, action))
    return found


def window_shortcuts(
    menu_bar: QMenuBar,
    views: Iterable[tuple[str, QWidget]],
    anywhere: str,
    windows: Iterable[tuple[str, str, QKeySequence]] = (),
) -> list[Shortcut]:
    """What :func:`window_actions` finds, in words, with each view's buttons' own shortcuts
    after its actions: anywhere first, then view by view; then ``windows``' keys (where, what,
    key), for windows made only when opened."""
    views = list(views)
    found = [
        (where, words(action.text()), keys_text(action.shortcuts()))
        for where, action in window_actions(menu_bar, views, anywhere)
    ]
    for where, view in views:
        for button in view.findChildren(QAbstractButton):
            if not button.shortcut().isEmpty():
                what = button.accessibleName() or words(button.text())
                found.append((where, what, keys_text([button.shortcut()])))
    order = [anywhere, *(where for where, _view in views)]
    found.sort(key=lambda entry: order.index(entry[0]))
    return found + [(where, what, keys_text([key])) for where, what, key in windows]


class ShortcutsDialog(QDialog):
    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self._entries = list(shortcuts)
        self.table = QTableWidget(len(shortcuts), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, (where, what, keys) in enumerate(shortcuts):
            for column, text in enumerate((where, what, keys)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def entries(self) -> list[Shortcut]:
        """Every row: where, what, keys."""
        return list(self._entries)

    def shortcuts(self) -> dict[str, str]:
        """Action name to key sequence, as shown."""
        return {what: keys for _where, what, keys in self._entries}
