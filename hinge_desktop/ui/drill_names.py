"""Every drill's name as the person sees it: the catalogue's, and their own drills' (from imports)
under the names they gave them.

One object is shared by every view that names drills, so a rename shows everywhere at once
through :attr:`DrillNames.changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.storage.custom_drills import CustomDrill, CustomDrillRepository


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

    def is_own(self, drill_id: str) -> bool:
        return drill_id in self._own

    def own_drills(self) -> list[CustomDrill]:
        """The person's own drills, by name."""
        return self._repository.all() if self._repository is not None else []

    def rename(self, drill_id: str, name: str) -> CustomDrill:
        """Give a drill of one's own a new name; raises ``InvalidDrillName`` (with a message
        for the person) or ``KeyError``, and tells every view through :attr:`changed`."""
        if self._repository is None:
            raise KeyError(f"No drill of your own with id {drill_id}")
        renamed = self._repository.rename(drill_id, name)
        self.reload()
        return renamed

    def reload(self) -> None:
        """Read the person's own drills again (after an import) and tell the views if any
        name changed."""
        if self._repository is None:
            return
        names = self._repository.names()
        if names != self._own:
            self._own = names
            self.changed.emit()
