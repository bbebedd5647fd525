"""The Today view, the page Hinge opens on: where the person stands on the ladder, the next
session with one big Start button, the last session, the streak and what opens the next rung,
and once, until it is read, when to stop and get checked.

The log is read on the background reader (:class:`TodayLoader`) when the page is built, and
again whenever the log changes: at once while the page is shown, else when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.nudges import nudges_on
from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.snacks import read_days
from hinge_desktop.domain.today import TodaySummary, plan_minutes
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    NUDGE_RECORD,
    NUDGES_ON,
    SAFETY_NOTE_READ,
    Preferences,
)
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.today import today_text as words
from hinge_desktop.ui.today.safety_note import SafetyNote
from hinge_desktop.ui.today.today_cards import TodayCard, scaled_font, wrapped_label
from hinge_desktop.ui.today.today_loader import TodayLoader
from hinge_desktop.ui.widgets.primary_button import PrimaryButton
from hinge_desktop.ui.widgets.up_and_down import up_and_down

WAIT_MS = 20_000


def local_today() -> date:
    return datetime.now().astimezone().date()


class TodayView(QWidget):
    start_requested = Signal(object)
    """The person asked to start a session: the :class:`WorkoutPlan`."""
    choose_requested = Signal()
    """The person asked to pick a drill or a routine."""
    message = Signal(str)
    """Something to tell the person in passing (the log could not be read)."""
    summary_changed = Signal(object)
    """A new reading of the log is shown: the :class:`TodaySummary`."""

    def __init__(
        self,
        reader: BackgroundReader,
        catalogue: Catalogue,
        names: DrillNames,
        preferences: Preferences,
        today: Callable[[], date] = local_today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self.setAccessibleName(self.tr("Today"))
        self._loader = TodayLoader(
            reader, catalogue, today, lambda: read_days(preferences.get(DESK_DAYS)), parent=self
        )
        self._catalogue = catalogue
        self._names = names
        self._preferences = preferences
        self._today = today
        self._summary: TodaySummary | None = None
        self._stale = False
        self._next_plan: WorkoutPlan | None = None
        self._again_plan: WorkoutPlan | None = None
        self._build()
        self._loader.loaded.connect(self._show_summary)
        self._loader.failed.connect(self._failed)
        self.safety_note.setVisible(not preferences.get(SAFETY_NOTE_READ))
        self.refresh()

    # Public ------------------------------------------------------------------------------

    def summary(self) -> TodaySummary | None:
        """What the page shows; None until the log has been read."""
        return self._summary

    def refresh(self) -> None:
        """Read the log again."""
        self._stale = False
        self._loader.request()

    def log_changed(self) -> None:
        """The log changed: read it at once if the page is shown, else when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh_if_stale(self) -> None:
        """Read the log again if it changed since the page last read it (for what counts the
        day's snacks while the page is hidden)."""
        if self._stale:
            self.refresh()

    def wait_until_loaded(self, timeout_ms: int = WAIT_MS) -> bool:
        """Wait, handling events, until the newest reading is shown (for ``--screenshot``)."""
        if self._stale:
            self.refresh()
        return self._loader.wait(timeout_ms)

    def shutdown(self) -> None:
        """Read no more (Hinge is quitting; the reader is about to stop)."""
        self._loader.close()

    def start_next(self) -> None:
        """Start the next session, as the big button does."""
        if self._next_plan is not None:
            self.start_requested.emit(self._next_plan)

    def start_snack(self) -> None:
        """Start an activation snack, as its button does (a reminder's Start now too)."""
        summary = self._summary
        if summary is not None and summary.snack_routine is not None:
            self.start_requested.emit(summary.snack_routine.to_plan())

    # Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(self.tr("Today"))
        heading.setObjectName("todayHeading")
        heading.setFont(scaled_font(heading, 2.0, bold=True))
        self.date_label = QLabel()
        self.date_label.setObjectName("todayDate")
        self.date_label.setFont(scaled_font(self.date_label, 1.15))
        self.rung = wrapped_label("todayRung", 1.5, bold=True)

        self.next_heading = wrapped_label("todayNextHeading")
        self.next_name = wrapped_label("todayNextName", 1.25, bold=True)
        self.next_drills = wrapped_label("todayNextDrills", 1.1)
        self.start_button = PrimaryButton()
        self.start_button.setObjectName("todayStartButton")
        self.start_button.setFont(scaled_font(self.start_button, 1.5, bold=True))
        self.start_button.setMinimumSize(240, 56)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        # Return as well as Space clicks it while it has the focus.
        self.start_button.setAutoDefault(True)
        self.start_button.clicked.connect(self.start_next)
        self.again_button = QPushButton()
        self.again_button.setObjectName("todayAgainButton")
        self.again_button.setMinimumHeight(32)
        self.again_button.clicked.connect(self._start_again)
        self.again_button.hide()
        self.choose_button = QPushButton(self.tr("Choose a drill or a routine"))
        self.choose_button.setObjectName("todayChooseButton")
        self.choose_button.setAccessibleName(self.choose_button.text())
        self.choose_button.setMinimumHeight(32)
        self.choose_button.clicked.connect(self.choose_requested)

        self.safety_note = SafetyNote()
        self.safety_note.acknowledged.connect(self._safety_note_read)
        self.safety_note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        self.last_card = TodayCard("todayLastSession", self.tr("Last session"))
        self.streak_card = TodayCard("todayStreak", self.tr("Streak"))
        self.gate_card = TodayCard("todayGate", self.tr("Next rung"))
        self.snack_card = TodayCard("todaySnacks", self.tr("Activation snacks"))
        self.snack_button = QPushButton(self.tr("Start a snack"))
        self.snack_button.setObjectName("todayStartSnackButton")
        self.snack_button.setMinimumHeight(32)
        self.snack_button.clicked.connect(self.start_snack)
        self.snack_card.add_action(self.snack_button)

        title_row = QHBoxLayout()
        title_row.addWidget(heading)
        title_row.addStretch(1)
        title_row.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBottom)

        others = QHBoxLayout()
        others.setSpacing(8)
        others.addWidget(self.again_button)
        others.addWidget(self.choose_button)
        others.addStretch(1)
        next_session = QVBoxLayout()
        next_session.setSpacing(6)
        for widget in (self.next_heading, self.next_name, self.next_drills):
            next_session.addWidget(widget)
        next_session.addSpacing(6)
        next_session.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        next_session.addLayout(others)
        next_session.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(20)
        top.addLayout(next_session, 3)
        note_column = QVBoxLayout()
        note_column.addWidget(self.safety_note)
        note_column.addStretch(1)
        top.addLayout(note_column, 2)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        for card in (self.snack_card, self.last_card, self.streak_card, self.gate_card):
            cards.addWidget(card, 1)

        self.body = QWidget()
        self.body.setObjectName("todayBody")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(14)
        body.addWidget(self.rung)
        body.addLayout(top)
        body.addLayout(cards)
        self.body.hide()

        page = QWidget()
        page.setObjectName("todayPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addWidget(self.body)
        layout.addStretch(1)
        scroll = up_and_down(page, "todayScroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setFocusProxy(self.start_button)

    # Showing -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Read again when the log changed while hidden, or a new day began since the reading.
        summary = self._summary
        if self._stale or (summary is not None and summary.today != self._today()):
            self.refresh()
        self._show_date()
        # After the window has settled its own focus.
        QTimer.singleShot(0, self, self._focus_start)

    def _focus_start(self) -> None:
        if self.isVisible() and self.start_button.isVisible():
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_date(self) -> None:
        day = self._today()
        self.date_label.setText(
            QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM")
        )

    def _show_summary(self, summary: TodaySummary) -> None:
        first = self._summary is None
        self._summary = summary
        self.summary_changed.emit(summary)
        self._show_date()
        self.rung.setText(words.rung_text(summary.phase))
        self._show_next(summary)
        self._show_last(summary)
        self.streak_card.show_fact(
            self.tr("Streak"),
            words.streak_value(summary.streak_weeks, summary.first_run),
            words.streak_detail(summary.streak_weeks, summary.days_this_week, summary.first_run),
        )
        self._show_snacks(summary)
        ladder = summary.ladder
        self.gate_card.show_fact(
            words.gate_title(ladder),
            words.gate_value(ladder),
            words.gate_text(ladder, self._catalogue),
        )
        self.gate_card.show_progress(ladder.passed_sessions, ladder.needed)
        self.body.show()
        if first:
            self._focus_start()

    def _show_next(self, summary: TodaySummary) -> None:
        routine = summary.next_routine
        plan = routine.to_plan()
        self._next_plan = plan
        self.next_heading.setText(
            words.next_heading(summary.phase, summary.retest, summary.first_run)
        )
        self.next_name.setText(routine.name)
        drill_ids = tuple(entry.drill_id for entry in routine.entries)
        drills = words.drill_list(drill_ids, self._names)
        facts = words.plan_facts(len(drill_ids), plan_minutes(plan, self._catalogue))
        self.next_drills.setText(f"{drills}\n{facts}")
        checks = summary.retest or routine.phase is Phase.CHECK
        label = self.tr("Start the checks") if checks else self.tr("Start")
        self.start_button.setText(label)
        self.start_button.setAccessibleName(
            self.tr("Start the next session: {name}").format(name=routine.name)
        )
        self._again_plan = summary.again
        if summary.again is not None:
            text = self.tr("Again: {name}").format(name=summary.again.name)
            self.again_button.setText(text)
            self.again_button.setAccessibleName(
                self.tr("Start the last session again: {name}").format(name=summary.again.name)
            )
        self.again_button.setVisible(summary.again is not None)

    def show_snack_card(self) -> None:
        """Show the snacks card again (a desk nudge was counted)."""
        if self._summary is not None:
            self._show_snacks(self._summary)

    def _show_snacks(self, summary: TodaySummary) -> None:
        snacks = summary.snacks
        detail = words.snack_detail(snacks)
        if self._preferences.get(NUDGES_ON):
            count = nudges_on(self._preferences.get(NUDGE_RECORD), self._today())
            detail = f"{detail}\n{words.nudge_count(count)}"
        self.snack_card.show_fact(self.tr("Activation snacks"), words.snack_value(snacks), detail)
        self.snack_card.show_progress(snacks.done, snacks.goal)
        routine = summary.snack_routine
        self.snack_button.setVisible(routine is not None)
        if routine is not None:
            minutes = plan_minutes(routine.to_plan(), self._catalogue)
            self.snack_button.setText(
                self.tr("Start a snack ({minutes} min)").format(minutes=minutes)
            )
            self.snack_button.setAccessibleName(
                self.tr("Start an activation snack of {minutes} minutes").format(minutes=minutes)
            )

    def _show_last(self, summary: TodaySummary) -> None:
        session = summary.last_session
        if session is None:
            self.last_card.show_fact(
                self.tr("Last session"),
                self.tr("None yet"),
                self.tr("Your sessions show here once you log a set."),
            )
            return
        self.last_card.show_fact(
            self.tr("Last session"),
            words.day_text(session.day, summary.today),
            "\n".join(
                (
                    words.session_name(session, self._names),
                    words.session_facts(session, self._names),
                )
            ),
        )

    def _failed(self, error: Exception) -> None:
        self.message.emit(self.tr("Cannot read your log for today: {error}").format(error=error))

    # Acting ------------------------------------------------------------------------------

    def _start_again(self) -> None:
        if self._again_plan is not None:
            self.start_requested.emit(self._again_plan)

    def _safety_note_read(self) -> None:
        self._preferences.set(SAFETY_NOTE_READ, True)
        self.safety_note.hide()
        self._focus_start()
