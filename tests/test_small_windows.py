"""History and Settings fit a small screen: each view's minimum leaves room in a window of
1000x580 (the navigation list, menu bar and status bar take the rest), with and without a log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from hinge_desktop.domain.training import LoggedSet, Unit
from hinge_desktop.storage.store import Store

USABLE = QSize(800, 500)
"""What a 1000x580 window leaves a view, and then some."""


def fill(store: Store) -> None:
    """A few weeks of two drills, a loaded lift among them, so every panel has rows."""
    start = datetime(2026, 1, 5, 18, tzinfo=timezone(timedelta(hours=1)))
    sets = []
    for week in range(8):
        day = start + timedelta(weeks=week)
        for number in (1, 2, 3):
            sets.append(
                LoggedSet(
                    "romanian-deadlift",
                    day + timedelta(minutes=3 * number),
                    number,
                    reps=8,
                    weight=60 + 2.5 * week,
                    unit=Unit.KG,
                )
            )
            sets.append(LoggedSet("glute-bridge", day - timedelta(hours=9), number, reps=12))
    store.sets.add_many(sets)


@pytest.mark.parametrize("logged", [False, True])
@pytest.mark.parametrize("view", ["history", "settings"])
def test_the_view_fits_a_small_window(
    start_hinge: StartHinge, store: Store, view: str, logged: bool
) -> None:
    if logged:
        fill(store)
    hinge: HingeWindow = start_hinge(view=view)
    if view == "history":
        assert hinge.views.progress.wait_until_loaded()
    shown = hinge.widget(QWidget, f"{view}View")
    needed = shown.minimumSizeHint().expandedTo(shown.minimumSize())
    assert needed.width() <= USABLE.width(), needed
    assert needed.height() <= USABLE.height(), needed
