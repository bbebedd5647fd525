"""The opened database with its repositories, each built once: what the rest of the app is
handed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.database import data_format, open_database
from hinge_desktop.storage.favourites import FavouriteRepository
from hinge_desktop.storage.ladder import LadderRepository
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.storage.session import SessionRepository
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.storage.workouts import WorkoutRepository


@dataclass(frozen=True)
class Store:
    path: Path
    db: Database
    sets: SetRepository
    workouts: WorkoutRepository
    favourites: FavouriteRepository
    session: SessionRepository
    routines: RoutineRepository
    ladder: LadderRepository
    custom_drills: CustomDrillRepository

    @property
    def data_format(self) -> int:
        return data_format(self.db)

    def end_open_transaction(self) -> None:
        """Commit a transaction left open on the connection, so that another connection (a
        restore) can write the whole log."""
        if self.db.conn.in_transaction:
            self.db.conn.commit()

    def close(self) -> None:
        self.db.close()


def open_store(path: Path) -> Store:
    """Open the database at ``path`` in the calling thread, which then owns the connection."""
    db = open_database(path)
    sets = SetRepository(db)
    workouts = WorkoutRepository(db, sets)
    return Store(
        path=path,
        db=db,
        sets=sets,
        workouts=workouts,
        favourites=FavouriteRepository(db),
        session=SessionRepository(db, workouts),
        routines=RoutineRepository(db),
        ladder=LadderRepository(db),
        custom_drills=CustomDrillRepository(db),
    )
