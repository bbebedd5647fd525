"""Every drill's name as the person sees it: the catalogue's, and their own drills' (from imports)
under the names they gave them.

One object is shared by every view that names drills, so a rename shows everywhere at once
through :attr:`DrillNames.changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.storage.custom_drills import CustomDrill, CustomDrillRepository
from hinge_desktop.storage.drill_merge import MergedDrill


class DrillNames(QObject):
    """Names by drill id; without a repository, the catalogue's only."""

    changed = Signal()
    """The person's own drills changed: one was renamed, or an import brought new ones."""

    def __init__(
        self,
        catalogue: Catalogue,
        own: CustomDrillRepository | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillNames")
        self._catalogue = catalogue
        self._repository = own
        self._own: dict[str, str] = own.names() if own is not None else {}

    def name(self, drill_id: str) -> str:
        """The drill's name; a drill Hinge knows nothing of reads as its id."""
        if drill_id in self._catalogue:
            return self._catalogue.get(drill_id).name
        return self._own.get(drill_id, drill_id)

    def names(self) -> dict[str, str]:
        """Every name by id, the catalogue's and the person's own."""
        return {drill.id: drill.name for drill in self._catalogue} | self._own

    def catalogue_pairs(self) -> list[tuple[str, str]]:
        """The catalogue's (id, name) pairs, as an import matches exercises against them."""
        return [(drill.id, drill.name) for drill in self._catalogue]

    def catalogue_keywords(self, drill_id: str) -> tuple[str, ...]:
        """The other words a catalogue drill is found by ("RDL"); none for any other drill."""
        return self._catalogue.get(drill_id).keywords if drill_id in self._catalogue else ()

    def is_own(self, drill_id: str) -> bool:
        return drill_id in self._own

    def own_drills(self) -> list[CustomDrill]:
        """The person's own drills, by name."""
        return self._repository.all() if self._repository is not None else []

    def rename(self, drill_id: str, name: str) -> CustomDrill:
        """Give a drill of one's own a new name; raises ``InvalidDrillName`` (with a message
        for the person; ``DrillNameTaken`` for the name of a drill of Hinge's or another of
        one's own) or ``KeyError``, and tells every view through :attr:`changed`."""
        if self._repository is None:
            raise KeyError(f"No drill of your own with id {drill_id}")
        hinge = {drill.id: drill.name for drill in self._catalogue}
        renamed = self._repository.rename(drill_id, name, hinge)
        self.reload()
        return renamed

    def merge(self, drill_id: str, into: str) -> MergedDrill:
        """Merge a drill of one's own into ``into``: its sets become that drill's and it goes
        (raises ``KeyError`` when it is gone already); every view is told."""
        if self._repository is None:
            raise KeyError(f"No drill of your own with id {drill_id}")
        merged = self._repository.merge_into(drill_id, into)
        self.reload()
        return merged

    def unmerge(self, merged: MergedDrill) -> None:
        """Take a merge back; every view is told."""
        if self._repository is None:
            return
        self._repository.unmerge(merged)
        self.reload()

    def reload(self) -> None:
        """Read the person's own drills again (after an import) and tell the views if any
        name changed."""
        if self._repository is None:
            return
        names = self._repository.names()
        if names != self._own:
            self._own = names
            self.changed.emit()
