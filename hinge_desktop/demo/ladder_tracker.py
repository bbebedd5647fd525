"""The ladder followed as the demo history is made: its rules applied workout by workout, so the
sets that move the person up are the very ones the app finds in the log."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from hinge_desktop.demo.workout_builder import DemoWorkout
from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import Assessment, LadderFact, LadderHint, assess


class LadderTracker:
    """The ladder's rules applied workout by workout, exactly as the app will apply them to the
    stored log: the same sets reduced to the same facts."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._phases = {drill.id: drill.phase for drill in catalogue}
        self.phase = Phase.CHECK
        self.hint = LadderHint.TAKE_SQUEEZE_TEST
        self._since: datetime | None = None
        self._facts: list[LadderFact] = []

    def observe(self, session: DemoWorkout) -> DemoWorkout:
        """Take in a finished workout; returns it without answers the app would not have asked.

        The app asks the "easily" questions only after a set of the current phase: after a move
        up in the middle of a workout, the later sets of the old phase are not asked about.
        """
        if self.phase is max(Phase):
            return session
        assessment, facts = self._assess(session)
        if assessment.unlocks:
            cleaned = self._without_late_answers(session, assessment)
            if cleaned != session:
                session = cleaned
                assessment, facts = self._assess(session)
        self.phase, self.hint = assessment.phase, assessment.state.hint
        since = assessment.since
        if assessment.unlocks and since is not None:
            # Only what happens after a phase was reached counts towards leaving it.
            self._since = since
            facts = [fact for fact in facts if fact.performed_at > since]
        self._facts = facts
        return session

    def _assess(self, session: DemoWorkout) -> tuple[Assessment, list[LadderFact]]:
        facts = [*self._facts, *self._facts_of(session)]
        return assess(self.phase, facts, self._catalogue, since=self._since), facts

    def _facts_of(self, session: DemoWorkout) -> list[LadderFact]:
        """What the app's ladder reads of the workout: every set of a check, an activation or a
        mobility drill, and every set with answers, of drills below the top phase."""
        answers = dict(session.answers)
        facts = []
        for index, logged in enumerate(session.sets):
            phase = self._phases[logged.drill_id]
            given = answers.get(index)
            if phase is max(Phase) or (phase > Phase.MOBILITY and given is None):
                continue
            facts.append(
                LadderFact(
                    drill_id=logged.drill_id,
                    phase=phase,
                    performed_at=logged.performed_at,
                    result=logged.result,
                    measured=logged.measured,
                    answers=given,
                    side=logged.side,
                )
            )
        return facts

    def _without_late_answers(self, session: DemoWorkout, assessment: Assessment) -> DemoWorkout:
        moved_at = assessment.unlocks[0].at
        kept = tuple(
            (index, given)
            for index, given in session.answers
            if session.sets[index].performed_at <= moved_at
            or self._phases[session.sets[index].drill_id] is assessment.phase
        )
        return replace(session, answers=kept)
