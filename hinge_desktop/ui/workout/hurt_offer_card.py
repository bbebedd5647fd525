"""The card at the top of the player when a drill of the workout hurt last time: why it is
asked (the drill, the day), what Hinge offers instead, and three answers, each with a key.

Large enough to read from a few steps away; its keys (E, L, G) work only while it asks.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from hinge_desktop.ui.widgets.primary_button import PrimaryButton

TITLE_PX = 24
TEXT_PX = 17
BUTTON_PX = 18
BUTTON_HEIGHT = 46
WARM = QColor("#b0522a")
"""The colour of the card's edge: the colour of a "no" answer, in light and dark alike."""


def _label(name: str, pixels: int, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    font = QFont(label.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)
    return label


class HurtOfferCard(QWidget):
    """Asks about a drill that hurt last time: ``easier_chosen``, ``left_out`` or ``gone_on``."""

    easier_chosen = Signal()
    """Do the easier drill in its place (E)."""
    left_out = Signal()
    """Leave the drill out of this workout (L)."""
    gone_on = Signal()
    """Go on with the drill as planned (G)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hurtOfferCard")
        self.setAccessibleName(self.tr("A drill that hurt last time"))
        self.title = _label("hurtOfferTitle", TITLE_PX, bold=True)
        self.text = _label("hurtOfferText", TEXT_PX)
        self.easier_button = self._button(
            "hurtEasierButton",
            self.tr("Do the easier drill"),
            self.tr("Do the easier drill in place of one that hurt"),
            "E",
            primary=True,
        )
        self.leave_button = self._button(
            "hurtLeaveButton",
            self.tr("Leave it out"),
            self.tr("Leave out the drill that hurt"),
            "L",
        )
        self.go_on_button = self._button(
            "hurtGoOnButton",
            self.tr("Go on as planned"),
            self.tr("Go on with the drill that hurt"),
            "G",
        )
        self._keys = [
            self._key(self.easier_button, self.easier_chosen),
            self._key(self.leave_button, self.left_out),
            self._key(self.go_on_button, self.gone_on),
        ]
        self._room = 400
        self._buttons = buttons = QGridLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.easier_button, 0, 0, 1, 2)
        buttons.addWidget(self.leave_button, 1, 0)
        buttons.addWidget(self.go_on_button, 1, 1)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _button(
        self, name: str, text: str, accessible: str, key: str, *, primary: bool = False
    ) -> QPushButton:
        button = PrimaryButton(text) if primary else QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setProperty("key", key)
        button.setToolTip(self.tr("{what} ({key})").format(what=accessible, key=key))
        button.setMinimumHeight(BUTTON_HEIGHT)
        # A long drill name never widens the player: the button's text is cut instead.
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = QFont(button.font())
        font.setPixelSize(BUTTON_PX)
        font.setBold(primary)
        button.setFont(font)
        return button

    def _key(self, button: QPushButton, answer: Signal) -> QAction:
        """The button's answer, by a click or its key (an action, so that F1 lists it)."""
        button.clicked.connect(answer)
        action = QAction(button.accessibleName(), self)
        action.setShortcut(QKeySequence(str(button.property("key"))))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(False)
        action.triggered.connect(lambda: button.isVisible() and button.click())
        self.addAction(action)
        return action

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        easier, leave, go_on = self._keys
        easier.setEnabled(visible and not self.easier_button.isHidden())
        leave.setEnabled(visible)
        go_on.setEnabled(visible)

    def show_offer(self, title: str, text: str, easier_name: str | None) -> None:
        """Ask about one drill: ``title`` says why, ``text`` what is offered; with
        ``easier_name`` the easier drill can be swapped in."""
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleDescription(f"{title} {text}")
        self.easier_button.setVisible(easier_name is not None)
        if easier_name is not None:
            self.easier_button.setToolTip(
                self.tr("Do {easier} in its place (E)").format(easier=easier_name)
            )
        self._fit()
        self.setVisible(True)

    def set_room(self, width: int) -> None:
        """The card is about ``width`` pixels wide (told by the page as it is resized: a size
        set while the page lays itself out would be lost)."""
        self._room = width
        self._fit()

    def _fit(self) -> None:
        """The height of the wrapped lines at the card's width, and so the card's: the page
        around does not ask for it (it scrolls only below its minimum)."""
        margins = self._layout.contentsMargins()
        inner = max(self._room - margins.left() - margins.right(), 100)
        labels = (self.title, self.text)
        for label in labels:
            label.setMinimumHeight(0)  # a label's height for a width is at least its minimum
        heights = [max(label.heightForWidth(inner), 0) for label in labels]
        for label, height in zip(labels, heights, strict=True):
            label.setFixedHeight(height)
        spacing = self._layout.spacing()
        self.setFixedHeight(
            margins.top()
            + sum(heights)
            + 2 * spacing
            + self._buttons.sizeHint().height()
            + margins.bottom()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """A warm tint over the window colour, edged in the warm colour."""
        base = self.palette().color(QPalette.ColorRole.Window)
        mixed = QColor.fromRgbF(
            base.redF() * 0.88 + WARM.redF() * 0.12,
            base.greenF() * 0.88 + WARM.greenF() * 0.12,
            base.blueF() * 0.88 + WARM.blueF() * 0.12,
        )
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(WARM, 2))
            painter.setBrush(mixed)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        finally:
            painter.end()
