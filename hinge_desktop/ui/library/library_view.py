"""The library: the drills, the routines made of them and the drills of one's own (from imports),
on tabs of one view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QWidget

from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.library.routines_view import RoutinesView


class LibraryView(QTabWidget):
    """Drills first; routines (with the person's place on the ladder) on the second tab; the
    person's own drills on the third."""

    def __init__(
        self,
        drills: DrillsView,
        routines: RoutinesView,
        ladder: QWidget | None = None,
        parent: QWidget | None = None,
        *,
        own_drills: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillsView")
        self.setAccessibleName(self.tr("Library"))
        self.setDocumentMode(True)
        self.drills = drills
        self.routines = routines
        self.routines_page = side_by_side(ladder, routines) if ladder is not None else routines
        self.addTab(drills, self.tr("Drills"))
        self.addTab(self.routines_page, self.tr("Routines"))
        self.setTabToolTip(0, self.tr("Every drill, its cues and its figure (Alt+1)"))
        self.setTabToolTip(1, self.tr("Built-in routines and your own (Alt+2)"))
        self.own_drills = own_drills
        keys_of_tabs = ["Alt+1", "Alt+2"]
        if own_drills is not None:
            self.addTab(own_drills, self.tr("Your drills"))
            self.setTabToolTip(2, self.tr("Drills of your own, from imports (Alt+3)"))
            keys_of_tabs.append("Alt+3")
        for index, keys in enumerate(keys_of_tabs):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, i=index: self.setCurrentIndex(i))
            self.addAction(action)

    def focus_search(self) -> None:
        self.setCurrentWidget(self.drills)
        self.drills.focus_search()

    def show_routines(self) -> None:
        self.setCurrentWidget(self.routines_page)

    def show_own_drills(self) -> None:
        if self.own_drills is not None:
            self.setCurrentWidget(self.own_drills)


def side_by_side(*widgets: QWidget) -> QWidget:
    """Widgets side by side, the last taking the room left."""
    page = QWidget()
    layout = QHBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for position, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if position == len(widgets) - 1 else 0)
    return page
