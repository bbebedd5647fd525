"""The player's log panel: the set to log, pre-filled, logged with one click or Return; and, once
a set is logged, "This hurt" (or H) to say it hurt.

It names the set (and the side) it logs, says why there is nothing to log when there is not, and
keeps Log set on screen however short the window: the values scroll, the buttons do not.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.ui.widgets.primary_button import PrimaryButton
from hinge_desktop.ui.widgets.set_form import SetForm
from hinge_desktop.ui.widgets.up_and_down import up_and_down

PANEL_WIDTH = 340
PANEL_MIN_WIDTH = 290
HEADING_PX = 22
SIDE_PX = 24
HURT_PX = 20
HURT_COLOUR = "#b0522a"
"""The edge of "This hurt": the colour of a "no" answer, in light and dark alike."""
_HURT_STYLE = f"""
QPushButton {{
    border: 2px solid {HURT_COLOUR};
    border-radius: 8px;
    background: palette(button);
    color: palette(button-text);
    padding: 4px 12px;
}}
QPushButton:focus {{ border: 3px solid palette(highlight); }}
QPushButton:disabled {{ border-color: palette(mid); color: palette(button-text); }}
"""


def _label(name: str, *, pixels: int = 0, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    if pixels:
        font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)
    return label


class LogPanel(QFrame):
    """What was done in the set just under way; ``log_requested`` when the person logs it."""

    log_requested = Signal()
    hurt_requested = Signal()
    """The person said the set logged last hurt ("This hurt", or H)."""
    note_done = Signal()
    """The person finished typing a note (Return, or the note lost the focus)."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logPanel")
        self.setAccessibleName(self.tr("Log this set"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.setMaximumWidth(PANEL_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._stack = undo_stack
        self._note_for_logged = False

        self.heading = _label("logPanelHeading", pixels=HEADING_PX, bold=True)
        self.heading.setText(self.tr("Log this set"))
        self.side_label = _label("logSideLabel", pixels=SIDE_PX, bold=True)
        self.side_label.setAccessibleName(self.tr("Side"))
        self.side_label.setForegroundRole(QPalette.ColorRole.Highlight)
        self.side_label.hide()
        self.target_label = _label("logTargetLabel")
        self.last_time_label = _label("lastTimeLabel")
        self.last_time_label.setAccessibleName(self.tr("Last time"))
        self.form = SetForm()

        self.log_button = PrimaryButton(self.tr("Log set"))
        self.log_button.setObjectName("logSetButton")
        self.log_button.setAccessibleName(self.tr("Log set"))
        self.log_button.setToolTip(self.tr("Log this set with the values shown (Return)"))
        self.log_button.setMinimumHeight(52)
        button_font = QFont(self.log_button.font())
        button_font.setPixelSize(HEADING_PX)
        button_font.setBold(True)
        self.log_button.setFont(button_font)
        self.log_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.log_button.clicked.connect(self.log_requested)

        self.undo_button = self._small_button(
            "undoButton",
            self.tr("Undo"),
            self.tr("Undo the last logged set"),
            self.tr("Take back the last change to the log: a set, or its note (Ctrl+Z)"),
        )
        self.undo_button.clicked.connect(undo_stack.undo)
        self.redo_button = self._small_button(
            "redoButton",
            self.tr("Redo"),
            self.tr("Redo"),
            self.tr("Put back what was undone (Ctrl+Shift+Z)"),
        )
        self.redo_button.clicked.connect(undo_stack.redo)
        undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(undo_stack.canUndo())
        self.redo_button.setEnabled(undo_stack.canRedo())

        self.hurt_button = self._hurt_button()
        self.hurt_note = _label("hurtNoteLabel")
        self.hurt_note.setAccessibleName(self.tr("What follows a set that hurt"))
        self.hurt_note.hide()
        self.status = _label("logStatusLabel")
        self.status.setAccessibleName(self.tr("Logging"))
        self.extra = QVBoxLayout()
        """Room under the values for questions asked after a set (the ladder's)."""

        self._build_layout()

        self.log_action = QAction(self.tr("Log set"), self)
        self.log_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.log_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.log_action.triggered.connect(self._log_from_key)
        self.addAction(self.log_action)
        self.hurt_action = QAction(self.tr("This hurt: mark the set logged last"), self)
        self.hurt_action.setShortcut(QKeySequence(Qt.Key.Key_H))
        self.hurt_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.hurt_action.setEnabled(False)
        self.hurt_action.triggered.connect(self._hurt_from_key)
        self.addAction(self.hurt_action)
        self._hurt = (False, False)
        """Whether a logged set can be said to hurt now, and whether it was."""
        self.form.changed.connect(self._update_button)
        self.form.note.editingFinished.connect(self.note_done)
        self._can_log = False
        self._extra = False
        self._asking = False

    def _small_button(self, name: str, text: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        button.setMinimumHeight(36)
        return button

    def _hurt_button(self) -> QPushButton:
        button = QPushButton(self.tr("This hurt"))
        button.setObjectName("hurtButton")
        button.setAccessibleName(self.tr("This set hurt"))
        button.setToolTip(
            self.tr("Say the set logged last hurt: it will not count towards the ladder (H)")
        )
        button.setStyleSheet(_HURT_STYLE)
        button.setMinimumHeight(46)
        font = QFont(button.font())
        font.setPixelSize(HURT_PX)
        font.setBold(True)
        button.setFont(font)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(self.hurt_requested)
        button.hide()
        return button

    def _build_layout(self) -> None:
        # The values scroll inside the panel when the window is short; what names the set,
        # the reason when nothing can be logged, and the buttons stay in view.
        values = QWidget()
        values.setObjectName("logPanelContent")
        inner = QVBoxLayout(values)
        inner.setContentsMargins(14, 4, 14, 4)
        inner.setSpacing(6)
        inner.addWidget(self.last_time_label)
        inner.addWidget(self.form)
        inner.addLayout(self.extra)
        inner.addStretch(1)
        scroll = up_and_down(values, "logPanelScroll")
        scroll.setMinimumHeight(60)
        self.scroll = scroll

        top = QVBoxLayout()
        top.setContentsMargins(14, 10, 14, 0)
        top.setSpacing(2)
        top.addWidget(self.heading)
        top.addWidget(self.side_label)
        top.addWidget(self.target_label)

        undo_row = QHBoxLayout()
        undo_row.setSpacing(6)
        undo_row.addWidget(self.undo_button)
        undo_row.addWidget(self.redo_button)
        bottom = QVBoxLayout()
        bottom.setContentsMargins(14, 4, 14, 10)
        bottom.setSpacing(6)
        bottom.addWidget(self.status)
        bottom.addWidget(self.log_button)
        bottom.addWidget(self.hurt_note)
        bottom.addWidget(self.hurt_button)
        bottom.addLayout(undo_row)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addLayout(top)
        outer.addWidget(scroll, 1)
        outer.addLayout(bottom)

    def sizeHint(self) -> QSize:
        return QSize(PANEL_WIDTH, super().sizeHint().height())

    # Public ------------------------------------------------------------------------------

    def show_target(self, heading: str, side: str, what: str, last_time: str) -> None:
        """Name the set to log (``heading``, e.g. "Set 2 of 3"), its ``side`` ("Left side",
        or nothing), the drill and what became of the set (``what``), and last time's sets."""
        self.heading.setText(heading)
        self.side_label.setText(side)
        self.side_label.setVisible(bool(side))
        self.target_label.setText(what)
        self.target_label.setVisible(bool(what))
        self.last_time_label.setText(last_time)
        self.last_time_label.setVisible(bool(last_time) and self.form.isVisibleTo(self))

    def set_target(self, text: str, last_time: str) -> None:
        """Only a line of text (no set to name)."""
        self.show_target(self.tr("Log this set"), "", text, last_time)

    def set_can_log(self, can: bool, text: str = "", *, extra: bool = False) -> None:
        """Whether there is a set to log now; ``text`` is the button's ("Log set" if empty).

        An ``extra`` set, beyond the prescription, is logged only by a click on its button,
        never by Return: a second press of Return after the last set never stores a set nobody
        did."""
        self._can_log = can
        self._extra = can and extra
        self.log_button.setText(text or self.tr("Log set"))
        self._update_button()

    def can_log(self) -> bool:
        return self._can_log and self.form.problem() is None

    def set_note_for_logged(self, label: tuple[str, str] | None) -> None:
        """The note now edits a set already logged (``label``: the label and placeholder that
        say which), or, with None, goes with the set logged next."""
        self._note_for_logged = label is not None
        if label is None:
            self.form.set_note_label(self.tr("Note"))
        else:
            self.form.set_note_label(*label)
        self._update_button()

    def set_asking(self, asking: bool) -> None:
        """While questions about the logged set are asked, its values and the log button make
        room for them (the set is logged already)."""
        self.form.setVisible(not asking)
        self.log_button.setVisible(not asking)
        # Return answers the questions then, never logs a set.
        self._asking = asking
        self._update_button()
        self._update_hurt()
        self.last_time_label.setVisible(not asking and bool(self.last_time_label.text()))

    def show_hurt(self, available: bool, marked: bool, note: str = "") -> None:
        """ "This hurt" for the set logged last: ``available`` while there is one (until the
        next set begins), ``marked`` once the person said so, with ``note``: what follows."""
        self._hurt = (available, marked)
        self.hurt_button.setText(self.tr("✓ Noted: it hurt") if marked else self.tr("This hurt"))
        self.hurt_button.setEnabled(not marked)
        self.hurt_note.setText(note)
        self.hurt_note.setVisible(available and bool(note))
        self._update_hurt()

    def _update_hurt(self) -> None:
        available, marked = self._hurt
        self.hurt_button.setVisible(available and not self._asking)
        self.hurt_action.setEnabled(available and not marked)

    def _hurt_from_key(self) -> None:
        if self.isVisible():
            self.hurt_requested.emit()

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _update_button(self) -> None:
        self.log_button.setEnabled(self.can_log())
        self.log_action.setEnabled(
            not self._asking and ((self._can_log and not self._extra) or self._note_for_logged)
        )

    def _log_from_key(self) -> None:
        if not self.isVisible():
            return
        if self.form.note.hasFocus() and self._note_for_logged:
            # Return ends the note of the set already logged; it never logs another set.
            self.note_done.emit()
            self.form.note.clearFocus()
            return
        if self.can_log() and not self._extra:
            self.log_requested.emit()
