"""A drill's neighbours on the ladder in words: what to practise first and what comes next, each a
link that opens that drill (``drill:ID``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill, DrillKind
from hinge_desktop.ui.drill_text import phase_name


def _link(drill: Drill, other: Drill) -> str:
    """The other drill's name as a link, with its phase named where it is not this drill's."""
    link = f"<a href='drill:{escape(other.id)}'>{escape(other.name)}</a>"
    if other.phase is drill.phase:
        return link
    where = QCoreApplication.translate("DrillNeighbours", "{drill} ({phase})")
    return where.format(drill=link, phase=escape(phase_name(other.phase).lower()))


def neighbour_lines(drill: Drill, catalogue: Catalogue) -> list[tuple[str, list[Drill]]]:
    """("Practise first:", easier drills) and ("Next step, once this is easy:", harder drills),
    where there are any, in coaching order. A check is not practised: its easier neighbours are
    what to try when it is too hard (the dowel check from kneeling, as the articles say)."""

    def drills(ids: tuple[str, ...]) -> list[Drill]:
        found = [catalogue.get(i) for i in ids if i in catalogue]
        return sorted(found, key=lambda d: (d.phase, d.name.casefold()))

    lines = []
    easier, harder = drills(drill.easier), drills(drill.harder)
    if easier:
        label = (
            QCoreApplication.translate("DrillNeighbours", "If this is too hard, try:")
            if drill.kind is DrillKind.CHECK
            else QCoreApplication.translate("DrillNeighbours", "Practise first:")
        )
        lines.append((label, easier))
    if harder:
        lines.append(
            (QCoreApplication.translate("DrillNeighbours", "Next step, once this is easy:"), harder)
        )
    return lines


def neighbours_html(drill: Drill, catalogue: Catalogue) -> str:
    """ "Practise first: Kneeling hip hinge" and "Next step, once this is easy: Dowel hip hinge,
    Good morning (light loading)", one line each; empty for a drill with no neighbours."""
    rows = []
    for label, drills in neighbour_lines(drill, catalogue):
        links = ", ".join(_link(drill, other) for other in drills)
        rows.append(f"<b>{escape(label)}</b> {links}")
    return "<br/>".join(rows)
