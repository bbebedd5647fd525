"""The player's log panel: the set to log, pre-filled, logged with one click or Return."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.ui.widgets.set_form import SetForm
from hinge_desktop.ui.workout.player_page import PrimaryButton

PANEL_WIDTH = 350


class LogPanel(QFrame):
    """What was done in the set just under way; ``log_requested`` when the person logs it."""

    log_requested = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logPanel")
        self.setAccessibleName(self.tr("Log this set"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(PANEL_WIDTH)
        self._stack = undo_stack

        self.heading = QLabel(self.tr("Log this set"))
        self.heading.setObjectName("logPanelHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.target_label = QLabel()
        self.target_label.setObjectName("logTargetLabel")
        self.target_label.setWordWrap(True)
        self.last_time_label = QLabel()
        self.last_time_label.setObjectName("lastTimeLabel")
        self.last_time_label.setAccessibleName(self.tr("Last time"))
        self.last_time_label.setWordWrap(True)
        self.form = SetForm()

        self.log_button = PrimaryButton(self.tr("Log set"))
        self.log_button.setObjectName("logSetButton")
        self.log_button.setAccessibleName(self.tr("Log set"))
        self.log_button.setToolTip(self.tr("Log this set with the values shown (Return)"))
        self.log_button.setMinimumHeight(56)
        button_font = self.log_button.font()
        button_font.setPointSizeF(button_font.pointSizeF() * 1.3)
        button_font.setBold(True)
        self.log_button.setFont(button_font)
        self.log_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.log_button.clicked.connect(self.log_requested)

        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setAccessibleName(self.tr("Undo the last logged set"))
        self.undo_button.setToolTip(self.tr("Take back the last logged set (Ctrl+Z)"))
        self.undo_button.setMinimumHeight(40)
        self.undo_button.clicked.connect(undo_stack.undo)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setObjectName("redoButton")
        self.redo_button.setAccessibleName(self.tr("Redo"))
        self.redo_button.setToolTip(self.tr("Log again what was undone (Ctrl+Shift+Z)"))
        self.redo_button.setMinimumHeight(40)
        self.redo_button.clicked.connect(undo_stack.redo)
        undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(undo_stack.canUndo())
        self.redo_button.setEnabled(undo_stack.canRedo())

        self.status = QLabel()
        self.status.setObjectName("logStatusLabel")
        self.status.setWordWrap(True)
        self.extra = QVBoxLayout()
        """Room under the buttons for questions asked after a set (the ladder's)."""

        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_button)
        undo_row.addWidget(self.redo_button)
        # The panel scrolls rather than make the window taller than the screen.
        inner = QWidget()
        inner.setObjectName("logPanelContent")
        scroll = QScrollArea()
        scroll.setObjectName("logPanelScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.target_label)
        layout.addWidget(self.last_time_label)
        layout.addWidget(self.form)
        layout.addWidget(self.log_button)
        layout.addLayout(undo_row)
        layout.addWidget(self.status)
        layout.addLayout(self.extra)
        layout.addStretch(1)

        self.log_action = QAction(self.tr("Log set"), self)
        self.log_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.log_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.log_action.triggered.connect(self._log_from_key)
        self.addAction(self.log_action)
        self.form.changed.connect(self._update_button)
        self._can_log = False

    def set_target(self, text: str, last_time: str) -> None:
        self.target_label.setText(text)
        self.last_time_label.setText(last_time)
        self.last_time_label.setVisible(bool(last_time))

    def set_can_log(self, can: bool) -> None:
        """Whether there is a set to log now (one under way, or ended and not yet logged)."""
        self._can_log = can
        self._update_button()

    def can_log(self) -> bool:
        return self._can_log and self.form.problem() is None

    def set_asking(self, asking: bool) -> None:
        """While questions about the logged set are asked, its values and the log button make
        room for them (the set is logged already)."""
        self.form.setVisible(not asking)
        self.log_button.setVisible(not asking)
        self.last_time_label.setVisible(not asking and bool(self.last_time_label.text()))

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def _update_button(self) -> None:
        self.log_button.setEnabled(self.can_log())
        self.log_action.setEnabled(self._can_log)

    def _log_from_key(self) -> None:
        if self.isVisible() and self.can_log():
            self.log_requested.emit()
