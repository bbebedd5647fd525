"""The workout view: the drill chosen to train, its dose and its moving figure."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.drills import Drill
from hinge_desktop.ui.drill_format import dose, facts_line, pacing, rest
from hinge_desktop.ui.figure_widget import FigureWidget
from hinge_desktop.ui.placeholder_view import PlaceholderView

if TYPE_CHECKING:
    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.ui.preferences import Preferences


class WorkoutView(QWidget):
    choose_requested = Signal()

    def __init__(
        self,
        speaker: Speaker,
        preferences: Preferences,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._preferences = preferences
        self._clock = clock
        self.setObjectName("workoutView")
        self.setAccessibleName(self.tr("Workout"))
        self._drill: Drill | None = None

        choose = QPushButton(self.tr("Choose a drill"))
        choose.setObjectName("chooseDrillButton")
        choose.setMinimumHeight(36)
        choose.clicked.connect(self.choose_requested)
        self.empty = PlaceholderView(
            "workout",
            self.tr("Workout"),
            self.tr(
                "Choose a drill in the library and press “Start this drill”: it comes here with "
                "its sets, reps, tempo and moving figure. The follow-along timer, spoken cues "
                "and set logging arrive in a later version of Hinge."
            ),
            action=choose,
        )

        self.title = QLabel()
        self.title.setObjectName("workoutDrillName")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts.setWordWrap(True)
        self.dose = QLabel()
        self.dose.setObjectName("workoutPrescription")
        dose_font = self.dose.font()
        dose_font.setPointSizeF(dose_font.pointSizeF() * 2.0)
        self.dose.setFont(dose_font)
        self.dose.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.figure = FigureWidget()
        drill_page = QWidget()
        layout = QVBoxLayout(drill_page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.figure, 1)
        layout.addWidget(self.dose)
        layout.addWidget(self.detail)

        self._pages = QStackedLayout(self)
        self._pages.addWidget(self.empty)
        self._pages.addWidget(drill_page)

    def drill(self) -> Drill | None:
        return self._drill

    def show_drill(self, drill: Drill) -> None:
        self._drill = drill
        self.title.setText(drill.name)
        self.facts.setText(facts_line(drill))
        self.dose.setText(dose(drill.prescription))
        p = drill.prescription
        lines = [pacing(p)]
        between = rest(p)
        if between is not None:
            lines.append(self.tr("rest {rest}").format(rest=between))
        lines.append(self.tr("cues: {cues}").format(cues=", ".join(drill.cues)))
        self.detail.setText(" · ".join(lines))
        self.figure.set_drill(drill)
        self._pages.setCurrentIndex(1)
