"""The phase ladder on disk: when each phase was reached, and the "easily" answers after sets.

The rules themselves are in :mod:`hinge_desktop.domain.ladder`; this module feeds them the
history from the database (with the sets that hurt) and records the phases they reach. A rung
opened on a day on which a set is then said to have hurt is taken back, as the rules would not
have opened it: the last rungs reached, never one below a rung reached on a painless day.

Reading and recording are apart, so the reading (the whole history, on a long log) can run on a
connection of its own, away from the window: :func:`read_ladder` reads, on one moment of the
log, a :class:`LadderUpdate`; :meth:`LadderRepository.record` writes it, in one short
transaction on the connection that writes, unless the phases on disk changed since it was read.
:meth:`LadderRepository.update` does both at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
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


@dataclass(frozen=True)
class LadderUpdate:
    """What the rules make of the log at one moment of it: the rungs to take back (ids of phase
    events), the phases reached to record, the move up to tell the person about, and, once
    recorded, the phase reached last and where the person stands. It holds for as long as
    ``newest`` is the phase event recorded last (None: no phase recorded yet)."""

    newest: PhaseEvent | None
    taken_back: tuple[int, ...]
    reached: tuple[PhaseEvent, ...]
    unlock: Unlock | None
    phase: Phase
    state: LadderState

    @property
    def writes(self) -> bool:
        """Whether recording it changes what is on disk."""
        return bool(self.taken_back or self.reached)


@dataclass(frozen=True)
class LadderReading:
    """The ladder as read after a change of the log: the update, and which of the sets the
    "easily" questions were about are no longer to be asked about (taken back, or said to have
    hurt)."""

    update: LadderUpdate
    withdrawn: frozenset[int]


def read_ladder(
    db: Database, now: datetime, catalogue: Catalogue, asked: Sequence[int] = ()
) -> LadderReading:
    """The ladder as of ``now``, from one moment of the log, without writing anything. Run it on
    a connection no write is pending on (the background reader's)."""
    db.execute("BEGIN")
    try:
        update = LadderRepository(db).read_update(now, catalogue)
        standing: set[int] = set()
        if asked:
            placeholders = ", ".join("?" for _ in asked)
            rows = db.execute(
                f"SELECT s.id FROM sets AS s WHERE s.id IN ({placeholders}) "
                f"AND NOT {hurt_sql('s')}",
                list(asked),
            )
            standing = {row[0] for row in rows}
        return LadderReading(update, frozenset(asked) - standing)
    finally:
        db.execute("COMMIT")


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

    def state(self, catalogue: Catalogue) -> LadderState:
        """Where the person stands, with every phase reached so far, for the ladder panel: as
        the rules say now, whether or not their last moves are recorded yet."""
        return self._plan(catalogue, None).state

    def read_update(self, now: datetime, catalogue: Catalogue) -> LadderUpdate:
        """What :meth:`update` would record, read without writing anything (in a transaction
        of the caller's, for one moment of the log)."""
        return self._plan(catalogue, now)

    def record(self, update: LadderUpdate) -> bool:
        """Record ``update`` in one transaction, unless the phases on disk changed since it was
        read (then nothing is written and False returned: read again). An update that changes
        nothing runs no statement."""
        if not update.writes:
            return True
        with self._db.atomic():
            if self._last_event() != update.newest:
                return False
            self._write(update)
        return True

    def update(self, now: datetime, catalogue: Catalogue) -> Unlock | None:
        """Apply the rules to what is logged and record any phase reached, in one transaction.

        Returns the last move up the ladder, to tell the person about, or None. The first call
        starts the ladder at the checks (at ``now``, or at the first relevant set if earlier).
        """
        with self._db.atomic():
            update = self._plan(catalogue, now)
            self._write(update)
        return update.unlock

    def _plan(self, catalogue: Catalogue, now: datetime | None) -> LadderUpdate:
        """The update as of ``now`` (None: only its state is wanted, the start's time is not)."""
        events = self._events_by_id()
        newest = events[-1] if events else None
        taken_back = self._hurt_rungs(events, catalogue)
        kept = events[: len(events) - len(taken_back)]
        last = kept[-1] if kept else None
        since = _since(last)
        history = self.history(catalogue, since)
        assessment = assess(None if last is None else last.phase, history, catalogue, since=since)
        reached: list[PhaseEvent] = []
        moments = [fact.performed_at for fact in history[:1]]
        moments += [] if now is None else [now]
        if last is None and moments:
            reached.append(PhaseEvent(Phase.CHECK, min(moments), UnlockReason.START.value))
        reached += [
            PhaseEvent(unlock.to_phase, unlock.at, unlock.reason.value)
            for unlock in assessment.unlocks
        ]
        # Where the person stands once recorded: assessed from the phase reached last, as
        # :meth:`state` read once everything is recorded.
        phase = Phase.CHECK if last is None else last.phase
        reached_at = since
        if assessment.unlock is not None:
            phase, reached_at = assessment.unlock.to_phase, assessment.unlock.at
        after = [f for f in history if reached_at is None or f.performed_at > reached_at]
        again = assess(phase, after, catalogue, since=reached_at)
        phases = {event.phase for event in (*kept, *reached)} | {again.phase}
        phases |= {unlock.to_phase for unlock in again.unlocks}
        return LadderUpdate(
            newest=newest,
            taken_back=tuple(event.id for event in taken_back if event.id is not None),
            reached=tuple(reached),
            unlock=assessment.unlock,
            phase=phase,
            state=replace(again.state, reached=frozenset(phases)),
        )

    def _write(self, update: LadderUpdate) -> None:
        for event_id in update.taken_back:
            self._db.execute("DELETE FROM phase_events WHERE id = ?", [event_id])
        for event in update.reached:
            self._record(event.phase, event.reached_at, UnlockReason(event.reason))

    def _hurt_rungs(self, events: list[PhaseEvent], catalogue: Catalogue) -> list[PhaseEvent]:
        """The last rungs the rules opened on a day on which a set of a drill of the catalogue
        hurt (said after the rung opened), newest first, stopping at the first rung reached on
        a day without one (or not opened by a set: the start, an import of an older log). Once
        they are taken back the rules count those days again, as they now stand."""
        drills = [drill.id for drill in catalogue]
        placeholders = ", ".join("?" for _ in drills) or "NULL"
        earned = {reason.value for reason in UnlockReason} - {UnlockReason.START.value}
        taken: list[PhaseEvent] = []
        for last in reversed(events):
            if last.reason not in earned:
                break
            day_start, day_end = _local_day(last.reached_at)
            hurt = self._db.execute(
                f"SELECT 1 FROM sets AS s WHERE s.drill_id IN ({placeholders}) "
                "AND s.performed_at BETWEEN ? AND ? "
                "AND date(s.performed_at + s.utc_offset * 60, 'unixepoch') = ? "
                f"AND {hurt_sql('s')} LIMIT 1",
                [*drills, day_start, day_end, last.reached_at.date().isoformat()],
            ).fetchone()
            if hurt is None:
                break
            taken.append(last)
        return taken

    def _events_by_id(self) -> list[PhaseEvent]:
        rows = self._db.execute(
            "SELECT id, phase, reached_at, utc_offset, reason FROM phase_events ORDER BY id"
        ).fetchall()
        return [_event(row) for row in rows]

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
