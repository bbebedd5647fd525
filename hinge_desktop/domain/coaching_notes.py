"""Coaching notes that several drills share (how to breathe and brace, what to mind after a
pregnancy), kept once in ``assets/drills/_notes.toml`` with the articles they come from and what
Hinge adds to them; a drill names the notes that apply to it in its ``notes`` list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hinge_desktop.domain.catalogue_entry import CatalogueError, Entry

NOTES_FILE = "_notes.toml"
"""The file beside the drills that holds the shared notes; not a drill itself."""


@dataclass(frozen=True)
class CoachingNote:
    """One note shown on every drill that names it: a title, a line saying what it is for, its
    steps in order, the articles it comes from and what Hinge adds to them."""

    id: str
    title: str
    intro: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    added: tuple[str, ...] = ()


def parse_notes(
    data: Mapping[str, Any], file: str, known_sources: set[str] | None = None
) -> dict[str, CoachingNote]:
    """Every note of the notes file by its id, or CatalogueError naming the file and field."""
    notes: dict[str, CoachingNote] = {}
    for note_id, table in data.items():
        if not note_id.replace("-", "").isalnum() or note_id != note_id.lower():
            raise CatalogueError(
                file, None, note_id, "a note's name is lower-case letters, digits and hyphens"
            )
        if not isinstance(table, dict):
            raise CatalogueError(file, None, note_id, "must be a table")
        entry = Entry(table, file, None, note_id)
        note = CoachingNote(
            id=note_id,
            title=entry.text("title"),
            intro=entry.text("intro"),
            steps=entry.texts("steps"),
            sources=entry.texts("sources"),
            added=entry.texts("added", required=False),
        )
        entry.done()
        if known_sources is not None:
            for index, source in enumerate(note.sources):
                if source not in known_sources:
                    raise entry.fail(f"sources[{index}]", f"'{source}' is not a known source")
        notes[note_id] = note
    return notes
