"""The library: the drills, the routines made of them, the ladder of phases and the drills of one's
own (from imports), on tabs of one view.

The drills' tab can be shown alone while the training log opens: the other tabs, which need the
log, are added by :meth:`LibraryView.add_pages`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QWidget

from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.widgets.up_and_down import up_and_down

if TYPE_CHECKING:
    from hinge_desktop.ui.library.ladder_panel import LadderPanel
    from hinge_desktop.ui.library.routines_view import RoutinesView

LADDER_WIDTH = 560
"""The widest the ladder's rungs grow, in pixels: a column that reads at a glance."""


class LibraryView(QTabWidget):
    """Drills first; routines on the second tab; the person's place on the ladder on the third
    (each with the whole width: they fit a 1000-pixel window beside the navigation); the
    person's own drills last."""

    def __init__(
        self,
        drills: DrillsView,
        routines: RoutinesView | None = None,
        ladder: LadderPanel | None = None,
        parent: QWidget | None = None,
        *,
        own_drills: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillsView")
        self.setAccessibleName(self.tr("Library"))
        self.setDocumentMode(True)
        self.drills = drills
        self.routines: RoutinesView | None = None
        self.routines_page: QWidget | None = None
        self.ladder_page: QWidget | None = None
        self.own_drills: QWidget | None = None
        self._add_page(
            drills,
            self.tr("Drills"),
            self.tr("Every drill, its cues and its figure"),
            self.tr("Show the drills"),
        )
        if routines is not None:
            self.add_pages(routines, ladder, own_drills=own_drills)

    def add_pages(
        self,
        routines: RoutinesView,
        ladder: LadderPanel | None = None,
        *,
        own_drills: QWidget | None = None,
    ) -> None:
        """Add the tabs that need the training log, after the drills'."""
        self.routines = routines
        self.routines_page = routines
        self._add_page(
            routines,
            self.tr("Routines"),
            self.tr("Built-in routines and your own"),
            self.tr("Show the routines"),
        )
        if ladder is not None:
            # The routines offer what the rung the ladder shows allows, now and as it moves.
            routines.set_rung(ladder.state().phase)
            ladder.rung_shown.connect(routines.set_rung)
            self.ladder_page = ladder_page(ladder)
            self._add_page(
                self.ladder_page,
                self.tr("Ladder"),
                self.tr("Your phase on the ladder and what opens the next one"),
                self.tr("Show the ladder"),
            )
        if own_drills is not None:
            self.own_drills = own_drills
            self._add_page(
                own_drills,
                self.tr("Your drills"),
                self.tr("Drills of your own, from imports"),
                self.tr("Show your own drills"),
            )

    def _add_page(self, page: QWidget, title: str, tip: str, action_text: str) -> None:
        index = self.count()
        keys = QKeySequence(self.tr("Alt+{number}").format(number=index + 1))
        self.addTab(page, title)
        self.setTabToolTip(
            index,
            self.tr("{tip} ({keys})").format(
                tip=tip, keys=keys.toString(QKeySequence.SequenceFormat.NativeText)
            ),
        )
        action = QAction(action_text, self)
        action.setObjectName(f"libraryTab{index + 1}Action")
        action.setShortcut(keys)
        # While Drills is shown, wherever the keyboard is in the window; History's ranges take
        # the same keys while it is shown.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _c=False, p=page: self.setCurrentWidget(p))
        self.addAction(action)

    def focus_search(self) -> None:
        self.setCurrentWidget(self.drills)
        self.drills.focus_search()

    def show_routines(self) -> None:
        if self.routines_page is not None:
            self.setCurrentWidget(self.routines_page)

    def show_ladder(self) -> None:
        if self.ladder_page is not None:
            self.setCurrentWidget(self.ladder_page)

    def show_own_drills(self) -> None:
        if self.own_drills is not None:
            self.setCurrentWidget(self.own_drills)


def ladder_page(ladder: QWidget) -> QWidget:
    """The ladder in a column of its own on the left, scrolled where the window is short."""
    ladder.setMaximumWidth(LADDER_WIDTH)
    page = QWidget()
    page.setObjectName("ladderPage")
    layout = QHBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(ladder, 1)
    layout.addStretch(0)
    return up_and_down(page, "ladderScroll")
