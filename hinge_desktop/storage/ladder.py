"""The phase ladder on disk: when each phase was reached, and the "easily" answers after sets.

The rules themselves are in :mod:`hinge_desktop.domain.ladder`; this module feeds them the
history from the database (with the sets that hurt) and records the phases they reach. A rung
opened on a day on which a set is then said to have hurt is taken back, as the rules would not
have opened it: the last rungs reached, never one below a rung reached on a painless day.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    Assessment,
    GateAnswers,
    LadderFact,
    LadderState,
    Unlock,
    UnlockReason,
    assess,
)
from hinge_desktop.domain.training import CheckOutcome, Side
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.hurt_queries import hurt_sql


@dataclass(frozen=True)
class PhaseEvent:
    """A phase reached, when, and why (an :class:`UnlockReason` value)."""

    phase: Phase
    reached_at: datetime
    reason: str
    id: int | None = None


class LadderRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Phases

    def current_phase(self) -> Phase | None:
        """The phase reached last; None before the ladder has started."""
        event = self._last_event()
        return None if event is None else event.phase

    def events(self) -> list[PhaseEvent]:
        """Every phase reached, oldest first."""
        rows = self._db.execute(
            "SELECT id, phase, reached_at, utc_offset, reason FROM phase_events "
            "ORDER BY reached_at, id"
        ).fetchall()
        return [_event(row) for row in rows]

    def _last_event(self) -> PhaseEvent | None:
        row = self._db.execute(
            "SELECT id, phase, reached_at, utc_offset, reason FROM phase_events "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else _event(row)

    # The "easily" answers

    def record_answers(self, set_id: int, answers: GateAnswers) -> None:
        """Keep the answers given after the set ``set_id`` (replacing earlier ones)."""
        try:
            with self._db.atomic():
                self._db.execute(
                    "INSERT OR REPLACE INTO gate_answers "
                    "(set_id, nobody_held, back_still, pressure_steady) VALUES (?, ?, ?, ?)",
                    [set_id, answers.nobody_held, answers.back_still, answers.pressure_steady],
                )
        except sqlite3.IntegrityError:
            raise KeyError(f"No set with id {set_id}") from None

    def answers_for(self, set_id: int) -> GateAnswers | None:
        row = self._db.execute(
            "SELECT nobody_held, back_still, pressure_steady FROM gate_answers WHERE set_id = ?",
            [set_id],
        ).fetchone()
        if row is None:
            return None
        return GateAnswers(bool(row[0]), bool(row[1]), bool(row[2]))

    # Assessing

    def history(self, catalogue: Catalogue, since: datetime | None = None) -> list[LadderFact]:
        """The sets after ``since`` that the ladder's rules look at, oldest first.

        That is every set of a check, of activation and of mobility, and every set with answers
        to the "easily" questions, of drills in the catalogue below the top phase; and every set
        of a drill in the catalogue that hurt, whatever its phase.
        """
        phases = {drill.id: drill.phase for drill in catalogue}
        early = [drill.id for drill in catalogue if drill.phase <= Phase.MOBILITY]
        placeholders = ", ".join("?" for _ in early) or "NULL"
        after = -(2**62) if since is None else timecodec.encode(since)[0]
        cursor = self._db.execute(
            "SELECT s.drill_id, s.performed_at, s.utc_offset, s.result, s.measured, s.side, "
            f"g.nobody_held, g.back_still, g.pressure_steady, {hurt_sql('s')} AS hurt "
            "FROM sets AS s LEFT JOIN gate_answers AS g ON g.set_id = s.id "
            f"WHERE s.performed_at > ? AND (s.drill_id IN ({placeholders}) "
            "OR g.set_id IS NOT NULL OR hurt) "
            "ORDER BY s.performed_at, s.id",
            [after, *early],
        )
        facts = []
        for drill_id, at, offset, result, measured, side, held, still, steady, hurt in cursor:
            phase = phases.get(drill_id)
            if phase is None or (phase is max(Phase) and not hurt):
                continue
            facts.append(
                LadderFact(
                    drill_id=drill_id,
                    phase=phase,
                    performed_at=timecodec.decode(at, offset),
                    result=CheckOutcome(result) if result else None,
                    measured=measured,
                    answers=None
                    if held is None
                    else GateAnswers(bool(held), bool(still), bool(steady)),
                    side=Side(side) if side else None,
                    hurt=bool(hurt),
                )
            )
        return facts

    def assessment(self, catalogue: Catalogue) -> Assessment:
        """What the rules say now, without writing anything."""
        last = self._last_event()
        since = _since(last)
        return assess(
            None if last is None else last.phase,
            self.history(catalogue, since),
            catalogue,
            since=since,
        )

    def state(self, catalogue: Catalogue) -> LadderState:
        """Where the person stands, with every phase reached so far, for the ladder panel."""
        assessment = self.assessment(catalogue)
        reached = {event.phase for event in self.events()}
        reached |= {unlock.to_phase for unlock in assessment.unlocks}
        reached.add(assessment.phase)
        return replace(assessment.state, reached=frozenset(reached))

    def update(self, now: datetime, catalogue: Catalogue) -> Unlock | None:
        """Apply the rules to what is logged and record any phase reached, in one transaction.

        Returns the last move up the ladder, to tell the person about, or None. The first call
        starts the ladder at the checks (at ``now``, or at the first relevant set if earlier).
        """
        with self._db.atomic():
            self._take_back_hurt_rungs(catalogue)
            last = self._last_event()
            since = _since(last)
            history = self.history(catalogue, since)
            assessment = assess(
                None if last is None else last.phase, history, catalogue, since=since
            )
            if last is None:
                started = min([now, *(fact.performed_at for fact in history[:1])])
                self._record(Phase.CHECK, started, UnlockReason.START)
            for unlock in assessment.unlocks:
                self._record(unlock.to_phase, unlock.at, unlock.reason)
        return assessment.unlock

    def _take_back_hurt_rungs(self, catalogue: Catalogue) -> None:
        """Forget the last rungs the rules opened on a day on which a set of a drill of the
        catalogue hurt (said after the rung opened), from the newest back, stopping at the first
        rung reached on a day without one (or not opened by a set: the start, an import of an
        older log). The rules then count those days again, as they now stand."""
        drills = [drill.id for drill in catalogue]
        placeholders = ", ".join("?" for _ in drills) or "NULL"
        earned = {reason.value for reason in UnlockReason} - {UnlockReason.START.value}
        while (last := self._last_event()) is not None and last.reason in earned:
            day_start, day_end = _local_day(last.reached_at)
            hurt = self._db.execute(
                f"SELECT 1 FROM sets AS s WHERE s.drill_id IN ({placeholders}) "
                "AND s.performed_at BETWEEN ? AND ? "
                "AND date(s.performed_at + s.utc_offset * 60, 'unixepoch') = ? "
                f"AND {hurt_sql('s')} LIMIT 1",
                [*drills, day_start, day_end, last.reached_at.date().isoformat()],
            ).fetchone()
            if hurt is None:
                return
            self._db.execute("DELETE FROM phase_events WHERE id = ?", [last.id])

    def _record(self, phase: Phase, at: datetime, reason: UnlockReason) -> None:
        reached_at, offset = timecodec.encode(at)
        self._db.execute(
            "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) VALUES (?, ?, ?, ?)",
            [int(phase), reached_at, offset, reason.value],
        )


def _since(event: PhaseEvent | None) -> datetime | None:
    """From when sets count towards leaving the phase: everything, at the start."""
    if event is None or event.reason == UnlockReason.START:
        return None
    return event.reached_at


def _local_day(moment: datetime) -> tuple[int, int]:
    """Stored times around the local day of ``moment``, whatever offset its sets had."""
    middle = timecodec.encode(moment)[0]
    return middle - 2 * 86400, middle + 2 * 86400


def _event(row: tuple[int, int, int, int, str]) -> PhaseEvent:
    event_id, phase, reached_at, offset, reason = row
    return PhaseEvent(
        phase=Phase(phase),
        reached_at=timecodec.decode(reached_at, offset),
        reason=reason,
        id=event_id,
    )
