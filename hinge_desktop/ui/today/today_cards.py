"""The start page's small cards: a caption, a figure in words and a line or two under it, and
the big Start button in the accent colour."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def scaled_font(widget: QWidget, scale: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * scale)
    font.setBold(bold)
    return font


def wrapping_policy() -> QSizePolicy:
    """As wide as the layout gives, as tall as the text needs at that width."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)
    return policy


class WrappedLabel(QLabel):
    """Text wrapped to the width the layout gives, never asking for more.

    Its minimum is one line: a word-wrapped label's own minimum is its height at a narrow width,
    which would make the page taller than the window and scroll where nothing needs to.
    """

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())


def wrapped_label(name: str, scale: float = 1.0, *, bold: bool = False) -> QLabel:
    label = WrappedLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(wrapping_policy())
    if scale != 1.0 or bold:
        label.setFont(scaled_font(label, scale, bold=bold))
    return label


class TodayCard(QFrame):
    """A caption, a figure in words and a line or two: one fact of the page."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.caption = wrapped_label(f"{name}Caption")
        self.caption.setText(caption)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = wrapped_label(f"{name}Value", 1.3, bold=True)
        self.detail = wrapped_label(f"{name}Detail", 1.05)
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{name}Progress")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.progress)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self._layout = layout

    def add_action(self, button: QWidget) -> None:
        """A button under the card's words, for what the card is about."""
        self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_fact(self, caption: str, value: str, detail: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(caption)
        self.setAccessibleDescription(f"{value}. {detail}" if detail else value)

    def show_progress(self, done: int, needed: int) -> None:
        """A bar of ``done`` out of ``needed``; none when nothing is counted."""
        self.progress.setVisible(needed > 0)
        if needed > 0:
            self.progress.setRange(0, needed)
            self.progress.setValue(min(done, needed))
            self.progress.setAccessibleName(self.value.text())
