"""Sets put straight into a test's log, and the phases the ladder recorded, for the ladder's
tests."""

from __future__ import annotations

from datetime import datetime

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.store import Store


def now() -> datetime:
    return datetime.now().astimezone()


def add(store: Store, drill_id: str, when: datetime, **values: object) -> int:
    """A set of ``drill_id`` done ``when``, stored; its id."""
    logged = store.sets.add(LoggedSet(drill_id, when, **values))  # type: ignore[arg-type]
    assert logged.id is not None
    return logged.id


def phases(store: Store) -> list[Phase]:
    """The phases the ladder recorded, oldest first."""
    return [event.phase for event in store.ladder.events()]
