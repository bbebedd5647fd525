"""Dialogs that never block: each is built, given its answer's callback, opened with ``open()``
and deleted when it closes, so the window goes on answering while it is up.

The static ``QFileDialog.getSaveFileName`` and ``QMessageBox.question``/``warning`` run an event
loop of their own inside the caller; these are their non-blocking twins.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLayout,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

TITLE_BAR_BUTTONS = 150
"""Room, in pixels, that a window manager's title bar takes beside the title: its icon and its
buttons (close, and often minimise and maximise)."""


def save_dialog(
    parent: QWidget,
    title: str,
    name: str,
    name_filter: str,
    file_name: str,
    *,
    default_suffix: str = "",
) -> QFileDialog:
    """A save dialog named ``name`` suggesting ``file_name`` (a name, or a path whose folder it
    opens in); connect ``fileSelected``, then ``open()`` it. With ``default_suffix`` the dialog
    adds that suffix to a name typed without one."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    dialog.selectFile(file_name)
    return dialog


def message_box(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, name: str
) -> QMessageBox:
    """A message with an OK button, named ``name``, that deletes itself when closed; show it
    with ``open()``."""
    box = WholeTitleMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


class WholeTitleMessageBox(QMessageBox):
    """A message box at least as wide as its title bar needs: a message box sizes itself to its
    text, and a short question under a longer title had its title cut ("Dele… Hinge")."""

    _widened: QLayout | None = None

    def showEvent(self, event: QShowEvent) -> None:
        # The box lays itself out again when its buttons or texts change: widen the layout it
        # is shown with.
        layout = self.layout()
        if isinstance(layout, QGridLayout) and layout is not self._widened:
            spacer = QSpacerItem(
                title_width(self), 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum
            )
            layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
            self._widened = layout
        super().showEvent(event)


def shown_title(window: QWidget) -> str:
    """The title a window manager shows: the window's, with " — Hinge" added as Qt adds the
    application's name to it on Linux."""
    title = window.windowTitle()
    app = QGuiApplication.applicationDisplayName()
    if app and app not in title:
        return f"{title} \u2014 {app}"
    return title


def title_width(window: QWidget) -> int:
    """The width, in pixels, that the title bar needs to show the whole title: the title in the
    bold, slightly larger type title bars use, and the title bar's own buttons."""
    font = QFont(window.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    return QFontMetrics(font).horizontalAdvance(shown_title(window)) + TITLE_BAR_BUTTONS


def warn(parent: QWidget, title: str, text: str, name: str) -> QMessageBox:
    """Show a warning with an OK button (the non-blocking ``QMessageBox.warning``)."""
    box = message_box(parent, QMessageBox.Icon.Warning, title, text, name)
    box.open()
    return box


def ask_yes_no(
    parent: QWidget, title: str, text: str, name: str, on_yes: Callable[[], object]
) -> QMessageBox:
    """Ask a Yes/No question (the non-blocking ``QMessageBox.question``); ``on_yes`` runs if
    the answer is Yes. No, Escape and closing the box all leave things as they are."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, name)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)

    def finished() -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def confirm_delete(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    on_delete: Callable[[], object],
    *,
    detail: str = "",
    delete_by_default: bool = False,
) -> QMessageBox:
    """Ask before deleting: a Delete button (``confirmDeleteButton``) and Cancel
    (``cancelDeleteButton``, also Escape); ``on_delete`` runs if Delete is pressed. Return
    presses Cancel unless ``delete_by_default`` (for what Undo brings back at once)."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, name)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    box.setInformativeText(detail)
    words = QCoreApplication.translate("ConfirmDelete", "Delete")
    delete = box.addButton(words, QMessageBox.ButtonRole.DestructiveRole)
    delete.setObjectName("confirmDeleteButton")
    delete.setAccessibleName(words)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancelDeleteButton")
    box.setDefaultButton(delete if delete_by_default else cancel)
    box.setEscapeButton(cancel)

    def finished() -> None:
        if box.clickedButton() is delete:
            on_delete()

    box.finished.connect(finished)
    box.open()
    return box
