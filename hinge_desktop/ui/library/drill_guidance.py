"""What the drill detail pane says beyond the steps and faults: where to feel the drill working,
what to do if it hurts (with the drill to try instead as a ``drill:ID`` link), the notes it shares
with other drills (breathing and bracing, after a pregnancy) and what Hinge adds to the articles.

Every string is a literal ``QCoreApplication.translate(…)`` call, so that ``pyside6-lupdate``
finds them all.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.catalogue import SOURCES, Catalogue
from hinge_desktop.domain.coaching_notes import CoachingNote
from hinge_desktop.domain.drills import Drill
from hinge_desktop.ui.drill_text import phase_name


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _list(items: tuple[str, ...], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<{tag} style='margin-left:-16px'>{body}</{tag}>"


def _instead(drill: Drill, catalogue: Catalogue) -> str:
    """ "Try instead: Glute bridge", the name a link, with its phase where it is not this one's;
    empty when there is nothing easier to offer."""
    other = catalogue.regression_of(drill)
    if other is None:
        return ""
    link = f"<a href='drill:{escape(other.id)}'>{escape(other.name)}</a>"
    if other.phase is not drill.phase:
        link = QCoreApplication.translate("DrillGuidance", "{drill} ({phase})").format(
            drill=link, phase=escape(phase_name(other.phase).lower())
        )
    label = escape(QCoreApplication.translate("DrillGuidance", "Try instead:"))
    return f"<p><b>{label}</b> {link}</p>"


def care_html(drill: Drill, catalogue: Catalogue) -> str:
    """ "Feel it here" and "If it hurts", with the drill to try instead; empty when the drill's
    file says neither."""
    parts = []
    if drill.feel:
        parts.append(_heading(QCoreApplication.translate("DrillGuidance", "Feel it here")))
        parts.append(f"<p>{escape(drill.feel)}</p>")
    if drill.if_it_hurts:
        parts.append(_heading(QCoreApplication.translate("DrillGuidance", "If it hurts")))
        parts.append(f"<p>{escape(drill.if_it_hurts)}</p>")
        parts.append(_instead(drill, catalogue))
    return "".join(parts)


def _note_html(note: CoachingNote) -> str:
    titles = "; ".join(SOURCES.get(source, source) for source in note.sources)
    source = escape(QCoreApplication.translate("DrillGuidance", "From:"))
    parts = [
        _heading(note.title),
        f"<p>{escape(note.intro)}</p>",
        _list(note.steps, ordered=True),
        f"<p><small>{source} {escape(titles)}",
    ]
    if note.added:
        added = escape(QCoreApplication.translate("DrillGuidance", "Added by Hinge:"))
        parts.append(f"<br/>{added} {escape(' '.join(note.added))}")
    parts.append("</small></p>")
    return "".join(parts)


def notes_html(drill: Drill, catalogue: Catalogue) -> str:
    """The shared notes that apply to the drill, then "Added by Hinge": what the drill's page
    gives that the articles do not. Empty when there is neither."""
    parts = [_note_html(note) for note in catalogue.notes_of(drill)]
    if drill.added:
        parts.append(_heading(QCoreApplication.translate("DrillGuidance", "Added by Hinge")))
        intro = QCoreApplication.translate(
            "DrillGuidance", "The articles this page comes from do not give these:"
        )
        parts.append(f"<p>{escape(intro)}</p>")
        parts.append(_list(drill.added, ordered=False))
    return "".join(parts)
