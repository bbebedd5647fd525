"""The drill list, shown and answering while the training log opens.

At start the library's drills tab is built from the catalogue alone, before the log is open, so
the person can browse, search and read the drills at once. What needs the log waits without
being lost: a star given meanwhile is saved when the log opens, and a drill started, logged or
added to a routine meanwhile goes ahead as soon as every view is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.library.library_view import LibraryView
from hinge_desktop.ui.preferences import LAST_DRILL, Preferences

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.main_window import MainWindow


@dataclass
class FirstView:
    """The drills and their library, built before the log is open, and what was asked of them
    meanwhile."""

    catalogue: Catalogue
    drills: DrillsView
    library: LibraryView
    stars: dict[str, bool] = field(default_factory=dict)
    """Stars given or taken before the log opened, by drill."""
    held: list[Callable[[], None]] = field(default_factory=list)
    """Requests that need every view, in the order they were made."""
    released: bool = False

    def open_favourites(
        self, stored: Callable[[], frozenset[str]], save: Callable[[str, bool], None]
    ) -> None:
        """The log is open: save the stars given meanwhile, then show the log's favourites."""
        for drill_id, favourite in self.stars.items():
            save(drill_id, favourite)
        self.stars.clear()
        self.drills.set_favourites(stored(), save)

    def release(self) -> None:
        """Every view is built: what was asked meanwhile goes ahead, in order."""
        self.released = True
        for request in self.held:
            request()
        self.held.clear()


def build_first_view(
    window: MainWindow, catalogue: Catalogue, preferences: Preferences
) -> FirstView:
    """Build the drill list (with the drill shown when Hinge closed) and put it in the window."""
    first: FirstView

    def star(drill_id: str, favourite: bool) -> None:
        first.stars[drill_id] = favourite

    drills = DrillsView(catalogue, frozenset(), star)
    library = LibraryView(drills)
    first = FirstView(catalogue, drills, library)
    remember_last_drill(window, preferences, catalogue, drills)
    drills.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    _hold_requests(window, first)
    window.install_view("drills", library)
    if window.current_view() == "drills":
        drills.focus_search()
    return first


def _hold_requests(window: MainWindow, first: FirstView) -> None:
    """Until every view is built, a request that needs them is kept and made again after."""
    drills = first.drills
    waiting = window.tr("Opening your training log…")

    def hold(request: Callable[[], None]) -> None:
        if first.released:
            return
        first.held.append(request)
        window.statusBar().showMessage(waiting)

    drills.start_requested.connect(
        lambda drill_id: hold(lambda: drills.start_requested.emit(drill_id))
    )
    drills.quick_log_requested.connect(
        lambda drill_id: hold(lambda: drills.quick_log_requested.emit(drill_id))
    )
    drills.add_to_routine_requested.connect(
        lambda drill_id, routine: hold(
            lambda: drills.add_to_routine_requested.emit(drill_id, routine)
        )
    )


def remember_last_drill(
    window: MainWindow, preferences: Preferences, catalogue: Catalogue, drills: DrillsView
) -> None:
    """The drill shown when Hinge closed is shown again at the next start."""
    last_drill = preferences.get(LAST_DRILL)
    if last_drill in catalogue:
        drills.select_drill(last_drill)

    def save_last_drill() -> None:
        shown = drills.selected_drill()
        if shown is not None:
            preferences.set(LAST_DRILL, shown.id)

    window.state_saving.connect(save_last_drill)
