"""The phase ladder in the app: after each change to the log, apply its rules, tell the person
when a phase opens, and ask the three "easily" questions after a set of a standing hinge of the
phase the person is on, with "This hurt" beside them (the mark itself is the player's to make:
``hurt_said``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.ladder import GateAnswers, Unlock, asks_easily
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.ladder import LadderRepository
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.ui.ladder_text import unlock_message
from hinge_desktop.ui.library.gate_questions import GateQuestions
from hinge_desktop.ui.library.ladder_panel import LadderPanel
from hinge_desktop.ui.log_changes import LogChanges


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
        sets: SetRepository,
        catalogue: Catalogue,
        panel: LadderPanel,
        questions: GateQuestions,
        log_changes: LogChanges,
        now: Callable[[], datetime],
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ladder, self._sets, self._catalogue = ladder, sets, catalogue
        self._panel, self._questions = panel, questions
        self._now = now
        self._dialog_parent = dialog_parent
        self._asked_for: int | None = None
        self._log_changes = log_changes
        self._shut_down = False
        log_changes.changed.connect(self._on_log_changed)
        questions.answered.connect(self._answered)
        questions.skipped.connect(self._put_questions_away)
        questions.hurt.connect(self._hurt)
        questions.hide()
        self.update()

    def update(self) -> Unlock | None:
        """Apply the rules to the log; tell the person if a phase opened."""
        unlock = self._ladder.update(self._now(), self._catalogue)
        self._panel.show_state(self._ladder.state(self._catalogue))
        if unlock is not None:
            self._announce(unlock)
        return unlock

    def after_set(self, logged: LoggedSet) -> None:
        """A set was logged in the player: ask the questions when they make sense for its drill
        (a standing hinge of the phase the person is on)."""
        if logged.id is None or logged.drill_id not in self._catalogue:
            return
        drill = self._catalogue.get(logged.drill_id)
        if asks_easily(drill, self._ladder.current_phase()):
            self._asked_for = logged.id
            self._questions.reset()
            self._questions.show()
            self.asking.emit(True)

    def shutdown(self) -> None:
        """Stop following the log (Hinge is quitting; the database is about to close)."""
        if not self._shut_down:
            self._shut_down = True
            self._log_changes.changed.disconnect(self._on_log_changed)

    def _on_log_changed(self) -> None:
        asked = self._asked_for
        if asked is not None and (not self._set_exists(asked) or self._sets.marked_hurt(asked)):
            # The set the questions were about was taken back, or it hurt: nothing to ask.
            self._put_questions_away()
        self.update()

    def _hurt(self) -> None:
        set_id = self._asked_for
        self._put_questions_away()
        if set_id is not None:
            self.hurt_said.emit(set_id)

    def _set_exists(self, set_id: int) -> bool:
        try:
            self._sets.get(set_id)
        except KeyError:
            return False
        return True

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
        """The next set has begun: questions left unanswered are put away."""
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
