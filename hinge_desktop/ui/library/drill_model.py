"""The drill catalogue as a Qt item model, and the proxy that searches, filters and sorts it."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill, Equipment, Focus, Phase
from hinge_desktop.ui.drill_text import NO_EQUIPMENT, equipment_name, focus_name, phase_name

ModelIndex = QModelIndex | QPersistentModelIndex


class DrillRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    PHASE = Qt.ItemDataRole.UserRole + 2
    FAVOURITE = Qt.ItemDataRole.UserRole + 3
    SUMMARY = Qt.ItemDataRole.UserRole + 4
    PHASE_ORDER = Qt.ItemDataRole.UserRole + 5
    MATCH = Qt.ItemDataRole.UserRole + 6
    """How well the drill's name matches the search (the proxy's :class:`Match`)."""


class Match(IntEnum):
    """How a drill's name matches what was typed: the list shows the best first."""

    EXACT = 0
    """The name is what was typed ("glute bridge": Glute bridge)."""
    PREFIX = 1
    """The name starts with it ("glute bridge": Glute bridge knee-outs)."""
    IN_NAME = 2
    """Every word is in the name ("swing": Kettlebell swing), before drills that match only by
    their kit, cues, keywords or rung (the bar-and-swing rung's other drills)."""
    OTHER = 3
    """Every word is found somewhere else: kit, cues, keywords, the rung."""


def summary(drill: Drill) -> str:
    """One line under the name: phase, then what it needs."""
    kit = sorted(drill.equipment, key=list(Equipment).index)
    needs = ", ".join(equipment_name(item) for item in kit) or equipment_name(NO_EQUIPMENT)
    return f"{drill.phase.value} · {phase_name(drill.phase)} · {needs}"


class DrillListModel(QAbstractListModel):
    """Every drill of the catalogue, one row each, with the person's favourites."""

    def __init__(
        self, catalogue: Catalogue, favourites: frozenset[str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._drills = list(catalogue)
        self._favourites = set(favourites)
        self._haystacks = [_haystack(drill) for drill in self._drills]
        self._names = [_fold(drill.name) for drill in self._drills]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drills)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._drills):
            return None
        drill = self._drills[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return drill.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return drill.purpose
        if role == DrillRole.ID:
            return drill.id
        if role == DrillRole.PHASE:
            return int(drill.phase)
        if role == DrillRole.PHASE_ORDER:
            return f"{int(drill.phase)}:{drill.name.casefold()}"
        if role == DrillRole.FAVOURITE:
            return drill.id in self._favourites
        if role == DrillRole.SUMMARY:
            return summary(drill)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if drill.id in self._favourites:
                return QCoreApplication.translate("Drills", "{summary}, favourite").format(
                    summary=summary(drill)
                )
            return summary(drill)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def drill(self, row: int) -> Drill:
        return self._drills[row]

    def haystack(self, row: int) -> str:
        """Everything a search can match for the drill in ``row``, folded."""
        return self._haystacks[row]

    def name_match(self, row: int, words: list[str]) -> Match:
        """How the name of the drill in ``row`` matches the folded ``words`` typed."""
        typed = " ".join(words)
        name = self._names[row]
        if name == typed:
            return Match.EXACT
        if name.startswith(typed):
            return Match.PREFIX
        if all(word in name for word in words):
            return Match.IN_NAME
        return Match.OTHER

    def row_of(self, drill_id: str) -> int:
        for row, drill in enumerate(self._drills):
            if drill.id == drill_id:
                return row
        raise KeyError(drill_id)

    def is_favourite(self, drill_id: str) -> bool:
        return drill_id in self._favourites

    def set_favourites(self, favourites: frozenset[str]) -> None:
        """Every favourite at once (as the log keeps them, once it is open)."""
        self._favourites = set(favourites)
        if self._drills:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._drills) - 1), [DrillRole.FAVOURITE]
            )

    def set_favourite(self, drill_id: str, favourite: bool) -> None:
        if favourite:
            self._favourites.add(drill_id)
        else:
            self._favourites.discard(drill_id)
        index = self.index(self.row_of(drill_id))
        self.dataChanged.emit(index, index, [DrillRole.FAVOURITE])


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def _haystack(drill: Drill) -> str:
    """The drill's own search words plus the names the app shows for its kit and focus."""
    shown = [equipment_name(item) for item in drill.equipment]
    shown += [focus_name(item) for item in drill.focus]
    shown.append(phase_name(drill.phase))
    if not drill.equipment:
        shown.append(equipment_name(NO_EQUIPMENT))
    return _fold(" ".join([drill.search_text, *shown]))


class DrillFilterProxy(QSortFilterProxyModel):
    """Search as you type (every word must match), filters, and sorting by phase or name.

    While searching, the drill whose name is what was typed comes first, then those whose name
    starts with it, then those whose name holds every word, then the other matches; each group
    in the order chosen (coaching order, by default), so that Return on the first row starts the
    drill the person named.
    """

    BY_PHASE = "phase"
    BY_NAME = "name"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._phase: Phase | None = None
        self._equipment: Equipment | str | None = None
        self._focus: Focus | None = None
        self._favourites_only = False
        self.setSortRole(DrillRole.PHASE_ORDER)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self.sort(0)

    def _change(self, apply: Any) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        words = _fold(text).split()
        if words != self._words:
            self._words = words
            # The filter and the order both follow the words.
            self.invalidate()

    def searching(self) -> bool:
        return bool(self._words)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == DrillRole.MATCH:
            return self._match(self.mapToSource(index).row()) if index.isValid() else None
        return super().data(index, role)

    def _match(self, source_row: int) -> Match:
        model = self.sourceModel()
        if not self._words or not isinstance(model, DrillListModel):
            return Match.OTHER
        return model.name_match(source_row, self._words)

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        if self._words:
            left_match, right_match = self._match(left.row()), self._match(right.row())
            if left_match != right_match:
                return left_match < right_match
        return super().lessThan(left, right)

    def set_phase(self, phase: Phase | None) -> None:
        self._change(lambda: setattr(self, "_phase", phase))

    def set_equipment(self, equipment: Equipment | str | None) -> None:
        self._change(lambda: setattr(self, "_equipment", equipment))

    def set_focus(self, focus: Focus | None) -> None:
        self._change(lambda: setattr(self, "_focus", focus))

    def set_favourites_only(self, only: bool) -> None:
        self._change(lambda: setattr(self, "_favourites_only", only))

    def favourites_changed(self) -> None:
        """The favourites were read anew: "favourites only" may show other drills."""
        if self._favourites_only:
            self._change(lambda: None)

    def set_order(self, order: str) -> None:
        role = DrillRole.PHASE_ORDER if order == self.BY_PHASE else Qt.ItemDataRole.DisplayRole
        self.setSortRole(role)
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DrillListModel):
            return True
        drill = model.drill(source_row)
        if self._phase is not None and drill.phase is not self._phase:
            return False
        if self._equipment == NO_EQUIPMENT and drill.equipment:
            return False
        if isinstance(self._equipment, Equipment) and self._equipment not in drill.equipment:
            return False
        if self._focus is not None and self._focus not in drill.focus:
            return False
        if self._favourites_only and not model.is_favourite(drill.id):
            return False
        if self._words:
            haystack = model.haystack(source_row)
            return all(word in haystack for word in self._words)
        return True
