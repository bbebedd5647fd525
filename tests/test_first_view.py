"""The drill list is shown before the training log opens, and nothing asked of it meanwhile is
lost: a star given is saved once the log opens, a drill started goes ahead once every view is
built, and the drill shown when Hinge closed is shown again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QPushButton, QToolButton

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.integrity import start_check
from hinge_desktop.storage.store import open_store
from hinge_desktop.ui.preferences import LAST_DRILL, LAST_VIEW, Preferences
from hinge_desktop.ui.shell.first_view import FirstView, build_first_view
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.opening import load_in_steps

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.storage.store import Store
    from hinge_desktop.ui.shell.installed import InstalledViews


@pytest.fixture
def window(qtbot: QtBot, paths: DataPaths) -> MainWindow:
    paths.ensure()
    preferences = Preferences(paths.settings)
    preferences.set(LAST_VIEW, "drills")
    shown = MainWindow(preferences)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def first(window: MainWindow, catalogue: Catalogue) -> FirstView:
    return build_first_view(window, catalogue, window._preferences)


@pytest.fixture
def opened(window: MainWindow, paths: DataPaths, first: FirstView) -> Iterator[list[object]]:
    """Call the list's first item to open the log and build every view, as the start does."""
    loaded: list[tuple[Store, Speaker, InstalledViews]] = []

    def open_log() -> None:
        check = start_check(paths.database, paths.backups)
        steps = load_in_steps(window, window._preferences, paths, check, first=first)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                loaded.append(done.value)
                return

    yield [open_log]
    for store, speaker, views in loaded:
        views.shutdown()
        speaker.close()
        store.close()


def test_the_drill_list_is_filled_before_the_log_opens(
    window: MainWindow, first: FirstView, catalogue: Catalogue, paths: DataPaths
) -> None:
    assert not paths.database.exists()
    assert window.view("drills") is first.library
    assert first.drills.model.rowCount() == len(list(catalogue))
    assert first.library.count() == 1  # the drills; the tabs that need the log come later


def test_a_star_given_before_the_log_opens_is_saved_when_it_opens(
    window: MainWindow, first: FirstView, opened: list[object], paths: DataPaths
) -> None:
    first.drills.select_drill("glute-bridge")
    window.findChild(QToolButton, "favouriteButton").click()
    assert first.drills.model.is_favourite("glute-bridge")

    opened[0]()  # type: ignore[operator]

    store = open_store(paths.database)
    try:
        assert "glute-bridge" in store.favourites.all()
    finally:
        store.close()
    assert first.drills.model.is_favourite("glute-bridge")
    assert first.library.count() == 4  # drills, routines, ladder, your drills


def test_a_drill_started_before_the_log_opens_is_started_once_it_is_open(
    qtbot: QtBot, window: MainWindow, first: FirstView, opened: list[object]
) -> None:
    first.drills.select_drill("glute-bridge")
    window.findChild(QPushButton, "startDrillButton").click()
    assert window.current_view() == "drills"
    assert window.statusBar().currentMessage() == "Opening your training log…"

    opened[0]()  # type: ignore[operator]

    assert window.current_view() == "workout"
    assert window.view("workout").drill().id == "glute-bridge"  # type: ignore[attr-defined]


def test_the_drill_shown_when_hinge_closed_is_shown_again(
    qtbot: QtBot, paths: DataPaths, catalogue: Catalogue
) -> None:
    paths.ensure()
    preferences = Preferences(paths.settings)
    preferences.set(LAST_DRILL, "kettlebell-swing")
    window = MainWindow(preferences)
    qtbot.addWidget(window)
    first = build_first_view(window, catalogue, preferences)
    assert first.drills.selected_drill().id == "kettlebell-swing"  # type: ignore[union-attr]
