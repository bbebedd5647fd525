"""The phase ladder at a glance: its eight rungs, what opens the next one, and a start button.

The rungs read bottom to top, from the checks to single-leg hinges: reached ones are ticked,
the current one is highlighted.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    LadderHint,
    LadderState,
    suggested_phase,
    suggested_routine,
)
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.ladder_text import gate_count, gate_text
from hinge_desktop.ui.widgets.colours import mix

TICK = "✓"
CURRENT = "●"
AHEAD = "○"


LOCKED_TEXT_SHADE = 0.3
"""How far a rung not yet reached fades its text towards the background: dimmer than the others,
still readable (a contrast of at least 4.5 to 1 in both palettes)."""


READABLE = 4.5
"""The contrast, text to background, that text of this size needs (WCAG AA)."""


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """The contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_behind(text: QColor, background: QColor) -> QColor:
    """``background``, darkened or lightened (away from ``text``) until ``text`` reads on it."""
    away = QColor("black") if _luminance(text) > 0.5 else QColor("white")
    shade = background
    for step in range(1, 11):
        if contrast(text, shade) >= READABLE:
            break
        shade = mix(background, away, step / 10)
    return shade


class _Rung(QFrame):
    def __init__(self, phase: Phase) -> None:
        super().__init__()
        self.phase = phase
        self._current = False
        self._reached = False
        self.setObjectName(f"ladderRung{int(phase)}")
        self.setAutoFillBackground(True)
        self.mark = QLabel(AHEAD)
        self.mark.setFixedWidth(22)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = QLabel(str(int(phase)))
        self.number.setFixedWidth(14)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name = QLabel(phase_name(phase))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.setSpacing(8)
        layout.addWidget(self.mark)
        layout.addWidget(self.number)
        layout.addWidget(self.name, 1)

    def show_as(self, current: bool, reached: bool) -> None:
        self._current, self._reached = current, reached
        self.mark.setText(CURRENT if current else TICK if reached else AHEAD)
        font = QFont(self.font())
        font.setBold(current)
        self.name.setFont(font)
        self.recolour()
        name = phase_name(self.phase)
        if current:
            status = QCoreApplication.translate("Ladder", "{phase}: your phase now")
        elif reached:
            status = QCoreApplication.translate("Ladder", "{phase}: reached")
        else:
            status = QCoreApplication.translate("Ladder", "{phase}: not yet")
        self.setAccessibleName(status.format(phase=name))

    def recolour(self) -> None:
        """The rung's colours from the application's palette as it is now (light or dark)."""
        palette = QApplication.palette(self)
        role = QPalette.ColorRole
        if self._current:
            foreground = palette.color(role.HighlightedText)
            background = readable_behind(foreground, palette.color(role.Highlight))
        else:
            background = palette.color(role.Window)
            foreground = palette.color(role.WindowText)
            if not self._reached:
                foreground = mix(foreground, background, LOCKED_TEXT_SHADE)
        own = QPalette(palette)
        own.setColor(role.Window, background)
        own.setColor(role.WindowText, foreground)
        self.setPalette(own)


class LadderPanel(QWidget):
    """Where the person stands on the ladder, and the routine to do next."""

    start_routine_requested = Signal(str)
    """The id of the suggested routine ("builtin.phase-N")."""
    rung_shown = Signal(object)
    """The rung (a :class:`Phase`) the person is on, each time the ladder is shown anew."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ladderPanel")
        self.setAccessibleName(self.tr("Your phase on the ladder"))
        self._state = LadderState(Phase.CHECK, 0, 0, LadderHint.TAKE_SQUEEZE_TEST)
        self._routine_id = suggested_routine(self._state)

        title = QLabel(self.tr("Your ladder"))
        title.setObjectName("ladderTitle")
        title_font = QFont(title.font())
        title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0) * 1.3)
        title_font.setBold(True)
        title.setFont(title_font)

        self._rungs = {phase: _Rung(phase) for phase in Phase}
        rungs = QVBoxLayout()
        rungs.setSpacing(2)
        for phase in sorted(Phase, reverse=True):
            rungs.addWidget(self._rungs[phase])

        self.hint = QLabel()
        self.hint.setObjectName("ladderHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.progress = QProgressBar()
        self.progress.setObjectName("ladderProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("ladderProgressText")
        self.start_button = QPushButton()
        self.start_button.setObjectName("startSuggestedButton")
        self.start_button.setMinimumHeight(36)
        self.start_button.clicked.connect(
            lambda: self.start_routine_requested.emit(self._routine_id)
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(rungs)
        layout.addSpacing(4)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.start_button)
        # From the first article: the path is a generalisation, and the lower rungs stay useful.
        self.about_path = QLabel(
            self.tr(
                "This is the usual way up; yours may differ. The lower rungs are not only for "
                "beginners: their drills stay good warm-ups and accessory work on any rung."
            )
        )
        self.about_path.setObjectName("ladderAboutPath")
        self.about_path.setWordWrap(True)
        self.about_path.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.about_path)
        layout.addStretch(1)
        self.show_state(self._state)

    def show_state(self, state: LadderState) -> None:
        self._state = state
        reached = state.reached_phases
        for phase, rung in self._rungs.items():
            rung.show_as(current=phase is state.phase, reached=phase in reached)
        hint = gate_text(state)
        self.hint.setText(hint)
        self.hint.setAccessibleName(hint)
        counted = gate_count(state)
        self.progress_label.setText(counted)
        self.progress_label.setAccessibleName(counted)
        self.progress_label.setVisible(bool(counted))
        self.progress.setVisible(bool(counted))
        if counted:
            self.progress.setRange(0, max(state.needed, 1))
            self.progress.setValue(min(state.passed_sessions, state.needed))
            self.progress.setAccessibleName(counted)
        self._routine_id = suggested_routine(state)
        routine_phase = suggested_phase(state)
        if routine_phase is Phase.CHECK:
            label = self.tr("Start the checks")
        else:
            label = self.tr("Start: {phase}").format(phase=phase_name(routine_phase))
        self.start_button.setText(label)
        self.start_button.setAccessibleName(label)
        self.rung_shown.emit(state.phase)

    def state(self) -> LadderState:
        """The state shown."""
        return self._state

    def suggested_routine_id(self) -> str:
        return self._routine_id

    def changeEvent(self, event: QEvent) -> None:
        # A rung keeps the palette it was given when the theme changes (Qt tells only widgets
        # without one): colour the rungs again from the new palette.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for rung in self._rungs.values():
                rung.recolour()
        super().changeEvent(event)
