"""The phase ladder in the app: after each change to the log, apply its rules, tell the person
when a phase opens, and ask the three "easily" questions after a set of a standing hinge of the
phase the person is on, with "This hurt" beside them (the mark itself is the player's to make:
``hurt_said``).

The rules read the whole history (on a long log, thousands of sets): that reading runs on the
background reader (:class:`LadderLoader`), and only its newest answer counts. The GUI thread
applies it: the panel, the questions, the announcement, and the recording of the phases
reached, which stays on the connection that writes every other change of the log, in one short
transaction that runs only when a phase is reached or taken back (a second writing connection
would make the window wait for the write lock, or lose a write to a busy database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import GateAnswers, Unlock, asks_easily
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.ladder import LadderReading, LadderRepository
from hinge_desktop.ui.ladder_text import unlock_message
from hinge_desktop.ui.library.gate_questions import GateQuestions
from hinge_desktop.ui.library.ladder_loader import LadderLoader
from hinge_desktop.ui.library.ladder_panel import LadderPanel
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.tasks import BackgroundReader

WAIT_MS = 20_000


class LadderCoach(QObject):
    message = Signal(str)
    asking = Signal(bool)
    """The "easily" questions are shown (True) or put away (False)."""
    unlocked = Signal(object)
    """A phase opened (the :class:`Unlock`)."""
    hurt_said = Signal(int)
    """The set asked about (its id) hurt, the person answered: mark it."""

    def __init__(
        self,
        ladder: LadderRepository,
        reader: BackgroundReader,
        catalogue: Catalogue,
        panel: LadderPanel,
        questions: GateQuestions,
        log_changes: LogChanges,
        now: Callable[[], datetime],
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ladder, self._catalogue = ladder, catalogue
        self._loader = LadderLoader(reader, catalogue, parent=self)
        self._loader.loaded.connect(self._arrived)
        self._loader.failed.connect(self._failed)
        self._panel, self._questions = panel, questions
        self._now = now
        self._dialog_parent = dialog_parent
        self._asked_for: int | None = None
        self._to_ask: LoggedSet | None = None
        """A set logged while the ladder was being read after an earlier change: asked about
        once the reading is in (that change may have moved the phase it is judged by)."""
        self._phase: Phase | None = None
        """The phase reached last, as of the newest reading applied."""
        self._log_changes = log_changes
        self._shut_down = False
        log_changes.changed.connect(self.update)
        questions.answered.connect(self._answered)
        questions.skipped.connect(self._put_questions_away)
        questions.hurt.connect(self._hurt)
        questions.hide()
        self.update()

    @Slot()
    def update(self) -> None:
        """Apply the rules to the log again, read on the background reader: the panel shows
        the new state, and the person is told if a phase opened, once the answer is in (only
        the answer to the newest call counts)."""
        if self._shut_down:
            return
        watched = [self._asked_for, None if self._to_ask is None else self._to_ask.id]
        self._loader.request(self._now(), [set_id for set_id in watched if set_id is not None])

    def is_updating(self) -> bool:
        """Whether the answer to the newest :meth:`update` is still to come."""
        return self._loader.is_loading()

    def wait_until_applied(self, timeout_ms: int = WAIT_MS) -> bool:
        """Wait, handling events, until the newest answer is applied; False on a timeout."""
        return self._loader.wait(timeout_ms)

    def after_set(self, logged: LoggedSet) -> None:
        """A set was logged in the player: ask the questions when they make sense for its drill
        (a standing hinge of the phase the person is on).

        A set the questions follow moves no rung by being logged (the rules count it once
        answered), so the phase applied last is the one to judge it by, unless an earlier change
        is still being read: then it is judged once that reading is in."""
        if logged.id is None or logged.drill_id not in self._catalogue:
            return
        if self._phase is None or self._loader.unanswered() > 1:
            self._to_ask = logged
        else:
            self._ask(logged)

    def shutdown(self) -> None:
        """Stop following the log, and drop the answer on its way (Hinge is quitting; the
        reader and the database are about to close). What was not recorded is read again at the
        next start: the rules find it in the log."""
        if not self._shut_down:
            self._shut_down = True
            self._to_ask = None
            self._loader.close()
            self._log_changes.changed.disconnect(self.update)

    def _arrived(self, reading: LadderReading) -> None:
        if self._shut_down:
            return
        update = reading.update
        if not self._ladder.record(update):
            # The phases on disk changed since they were read (an import brought some): the
            # answer no longer holds.
            self.update()
            return
        if self._asked_for in reading.withdrawn:
            # The set the questions were about was taken back, or it hurt: nothing to ask.
            self._put_questions_away()
        self._phase = update.phase
        self._panel.show_state(update.state)
        if update.unlock is not None:
            self._announce(update.unlock)
        logged, self._to_ask = self._to_ask, None
        if logged is not None and logged.id not in reading.withdrawn:
            self._ask(logged)

    def _failed(self, error: Exception) -> None:
        if self._shut_down:
            return
        self.message.emit(self.tr("Cannot read your ladder: {error}").format(error=error))
        logged, self._to_ask = self._to_ask, None
        if logged is not None:
            self._ask(logged)

    def _ask(self, logged: LoggedSet) -> None:
        drill = self._catalogue.get(logged.drill_id)
        if asks_easily(drill, self._phase):
            self._asked_for = logged.id
            self._questions.reset()
            self._questions.show()
            self.asking.emit(True)

    def _hurt(self) -> None:
        set_id = self._asked_for
        self._put_questions_away()
        if set_id is not None:
            self.hurt_said.emit(set_id)

    def _answered(self, answers: GateAnswers) -> None:
        set_id = self._asked_for
        self._put_questions_away()
        if set_id is None:
            return
        try:
            self._ladder.record_answers(set_id, answers)
        except KeyError:
            self.message.emit(self.tr("That set was taken back, so the answers were not kept."))
            return
        if answers.passed:
            self.message.emit(self.tr("Answers kept: an easy day counts towards the next phase."))
        else:
            self.message.emit(self.tr("Answers kept. Keep practising: the next phase waits."))
        self.update()

    def dismiss_questions(self) -> None:
        """The next set has begun: questions left unanswered, or still to ask, are put away."""
        self._to_ask = None
        if self._asked_for is not None:
            self._put_questions_away()

    def _put_questions_away(self) -> None:
        self._asked_for = None
        self._questions.hide()
        self.asking.emit(False)

    def _announce(self, unlock: Unlock) -> None:
        text = unlock_message(unlock.from_phase, unlock.to_phase, unlock.reason)
        self.message.emit(text)
        self.unlocked.emit(unlock)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("A new phase is open"),
            text,
            QMessageBox.StandardButton.Ok,
            self._dialog_parent,
        )
        box.setObjectName("unlockBox")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
