"""History's drill menu: Hinge's drills by name, then the person's own under a heading of their
own, found by typing any part of a name.

The menu is an editable combo box: typing shows the drills whose names hold what was typed, the
arrow keys go through them and Enter charts the one chosen, or the first of them when none is;
Alt+Down (or F4) opens the whole list. Text that names no drill gives way to the drill shown
when the typing ends, and so does text held by several names when the typing ends without
Enter (the field left).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole
"""Where each drill's id is (``itemData``); headings and separators have none."""


@dataclass(frozen=True)
class MenuDrill:
    """One drill of the menu."""

    drill_id: str
    name: str
    own: bool
    """One of the person's own drills (listed after Hinge's)."""
    tip: str = ""


class DrillMenu(QComboBox):
    """The drills to chart, in two groups sorted by name; ``activated`` as a person chooses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDrill")
        self.setAccessibleName(self.tr("Drill"))
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setMinimumContentsLength(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line = self.lineEdit()
        line.setObjectName("historyDrillSearch")
        line.setPlaceholderText(self.tr("Type to find a drill"))
        self.setToolTip(self.tr("Type part of a drill's name to find it"))
        # The completer offers the drills only: not the heading of one's own drills.
        self._drills = QSortFilterProxyModel(self)
        self._drills.setSourceModel(self.model())
        self._drills.setFilterRole(ID_ROLE)
        self._drills.setFilterRegularExpression(QRegularExpression("."))
        completer = QCompleter(self._drills, self)
        completer.setObjectName("historyDrillCompleter")
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line.returnPressed.connect(lambda: self._settle(first_of_several=True))
        line.editingFinished.connect(self._settle)

    def set_drills(self, drills: Sequence[MenuDrill], current: str | None) -> None:
        """List ``drills``, Hinge's first and one's own after a heading, each group by name;
        ``current`` is shown (none is chosen without it)."""
        blocked = self.blockSignals(True)
        try:
            self.clear()
            ours = sorted((d for d in drills if not d.own), key=_by_name)
            own = sorted((d for d in drills if d.own), key=_by_name)
            for drill in ours:
                self._add(drill)
            if own:
                if ours:
                    self.insertSeparator(self.count())
                self._add_heading(self.tr("Your drills"))
                for drill in own:
                    self._add(drill)
            self.setCurrentIndex(self.findData(current) if current is not None else -1)
        finally:
            self.blockSignals(blocked)

    def drill_ids(self) -> list[str]:
        """The drills listed, in order (headings left out)."""
        found = (self.itemData(row, ID_ROLE) for row in range(self.count()))
        return [str(drill_id) for drill_id in found if drill_id]

    def current_drill_id(self) -> str | None:
        data = self.currentData(ID_ROLE)
        return str(data) if data else None

    def current_name(self) -> str:
        """The name of the drill shown (not what is being typed)."""
        return self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else ""

    def _add(self, drill: MenuDrill) -> None:
        self.addItem(drill.name, drill.drill_id)
        if drill.tip:
            self.setItemData(self.count() - 1, drill.tip, Qt.ItemDataRole.ToolTipRole)

    def _add_heading(self, text: str) -> None:
        self.addItem(text)
        model = self.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(self.count() - 1)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setData(text, Qt.ItemDataRole.AccessibleTextRole)

    def _settle(self, *, first_of_several: bool = False) -> None:
        """The typing ended: a text held by one drill's name alone charts that drill, and with
        ``first_of_several`` (Enter pressed) the first of several does; any other text gives
        way to the name of the drill shown."""
        text = " ".join(self.lineEdit().text().split()).casefold()
        if not text or text == self.current_name().casefold():
            self.setEditText(self.current_name())
            return
        rows = [
            row
            for row in range(self.count())
            if self.itemData(row, ID_ROLE) and text in self.itemText(row).casefold()
        ]
        exact = [row for row in rows if self.itemText(row).casefold() == text]
        chosen = exact or rows
        if first_of_several:
            chosen = chosen[:1]
        if len(chosen) == 1 and chosen[0] != self.currentIndex():
            self.setCurrentIndex(chosen[0])
            self.activated.emit(chosen[0])
        self.setEditText(self.current_name())


def _by_name(drill: MenuDrill) -> tuple[str, str]:
    return drill.name.casefold(), drill.drill_id
