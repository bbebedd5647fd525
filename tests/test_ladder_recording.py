"""The ladder on disk, read and recorded apart: reading writes nothing, recording what was read
is what an update records, it is refused over phases that changed since, and the state counts
a rung a set that hurt takes back before that is recorded."""

from __future__ import annotations

from datetime import timedelta

from ladder_log import add, now, phases

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.training import CheckOutcome, Side
from hinge_desktop.storage.ladder import LadderRepository
from hinge_desktop.storage.store import Store


def test_recording_what_was_read_is_what_update_records(store: Store, catalogue: Catalogue) -> None:
    ladder = LadderRepository(store.db)
    start = now() - timedelta(days=2)
    add(store, "glute-squeeze-test", start, result=CheckOutcome.PASS)
    add(store, "aslr-test", start + timedelta(minutes=1), measured=95.0, side=Side.LEFT)
    add(store, "aslr-test", start + timedelta(minutes=2), measured=95.0, side=Side.RIGHT)

    update = ladder.read_update(now(), catalogue)
    assert phases(store) == [], "reading writes nothing"
    assert [event.phase for event in update.reached] == [
        Phase.CHECK,
        Phase.MOBILITY,
        Phase.PATTERNING,
    ]
    assert update.unlock is not None
    assert update.unlock.to_phase is Phase.PATTERNING
    assert update.state == ladder.state(catalogue)
    assert ladder.record(update)
    assert phases(store) == [Phase.CHECK, Phase.MOBILITY, Phase.PATTERNING]
    assert update.state == ladder.state(catalogue)
    assert update.phase is ladder.current_phase()
    assert not ladder.read_update(now(), catalogue).writes


def test_an_update_is_not_recorded_over_phases_that_changed_since(
    store: Store, catalogue: Catalogue
) -> None:
    ladder = LadderRepository(store.db)
    add(store, "glute-squeeze-test", now() - timedelta(hours=1), result=CheckOutcome.FAIL)
    update = ladder.read_update(now(), catalogue)
    ladder.update(now(), catalogue)  # recorded meanwhile, by another hand
    recorded = phases(store)

    assert not ladder.record(update)
    assert phases(store) == recorded


def test_a_rung_taken_back_shows_in_the_state_before_it_is_recorded(
    store: Store, catalogue: Catalogue
) -> None:
    ladder = LadderRepository(store.db)
    squeeze = add(
        store, "glute-squeeze-test", now() - timedelta(minutes=5), result=CheckOutcome.PASS
    )
    ladder.update(now(), catalogue)
    assert ladder.current_phase() is Phase.MOBILITY
    store.sets.mark_hurt(squeeze)

    update = ladder.read_update(now(), catalogue)
    assert ladder.state(catalogue).phase is Phase.CHECK, "as the rules say now"
    assert ladder.current_phase() is Phase.MOBILITY, "not yet recorded"
    assert ladder.record(update)
    assert ladder.current_phase() is Phase.CHECK
