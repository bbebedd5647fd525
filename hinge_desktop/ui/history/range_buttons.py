"""The range buttons above the progress chart: the last 4 weeks, 3 months or year up to the
drill's latest set, or all of it; Alt+1 to Alt+4 press them from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QToolButton, QWidget

from hinge_desktop.ui.widgets.restyle import keep_styled

RANGES: tuple[tuple[str, int | None], ...] = (
    ("range4Weeks", 28),
    ("range3Months", 91),
    ("range1Year", 365),
    ("rangeAll", None),
)
"""Each button's object name and the days it shows (None: all of them)."""
DEFAULT_RANGE = 365

_STYLE = (
    "QToolButton { padding: 3px 8px; }"
    "QToolButton:checked { background: palette(highlight);"
    " color: palette(highlighted-text); border: 1px solid palette(highlight);"
    " border-radius: 3px; }"
)
"""The pressed range must stand out in a dark palette too."""


class RangeButtons(QButtonGroup):
    """One checkable button per range, at most one pressed; none is when the chart was
    zoomed or panned by hand."""

    chosen = Signal(object)
    """A range was asked for, by a click or a shortcut: its days (None: all)."""

    def __init__(self, days: int | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setExclusive(True)
        names = {
            28: self.tr("4 weeks"),
            91: self.tr("3 months"),
            365: self.tr("1 year"),
            None: self.tr("All"),
        }
        self._days: dict[QToolButton, int | None] = {}
        self._actions = {
            28: self.tr("Show the last 4 weeks"),
            91: self.tr("Show the last 3 months"),
            365: self.tr("Show the last year"),
            None: self.tr("Show all of the drill's history"),
        }
        """What each range's shortcut does, in the keyboard shortcuts list (F1)."""
        for number, (name, span) in enumerate(RANGES, start=1):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(names[span])
            button.setCheckable(True)
            button.setChecked(span == days)
            button.setAccessibleName(self.tr("Show {range}").format(range=names[span]))
            tip = (
                self.tr("Show every set of the drill (Alt+{key})")
                if span is None
                else self.tr("Show the {range} up to the drill's latest set (Alt+{key})")
            )
            button.setToolTip(tip.format(range=names[span], key=number))
            button.setStyleSheet(_STYLE)
            button.clicked.connect(lambda _checked=False, d=span: self.chosen.emit(d))
            self.addButton(button)
            self._days[button] = span
        keep_styled(parent, self.buttons)

    def add_shortcuts(self, widget: QWidget) -> None:
        """Alt+1 to Alt+4 choose the ranges while ``widget`` is shown, wherever the keyboard is
        in the window (in the navigation, too, after History is clicked there). Drills uses the
        same keys for its pages: only the shown view's actions answer them."""
        for number, (name, span) in enumerate(RANGES, start=1):
            action = QAction(self._actions[span], widget)
            action.setObjectName(f"{name}Action")
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, d=span: self.chosen.emit(d))
            widget.addAction(action)

    def check(self, days: int | None) -> None:
        """Press the button of ``days``."""
        for button, span in self._days.items():
            if span == days:
                button.setChecked(True)

    def uncheck(self) -> None:
        """Press none: what is shown is no range's."""
        self.setExclusive(False)
        for button in self.buttons():
            button.setChecked(False)
        self.setExclusive(True)
