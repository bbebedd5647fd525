"""A drill's neighbours on the ladder: an easier one is really easier, and the detail pane says in
words what to practise first and what comes next."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import DrillKind, Phase
from hinge_desktop.ui.library.drill_detail import DrillDetail
from hinge_desktop.ui.library.drill_neighbours import neighbour_lines

# Easier neighbours in the same phase: each a regression the articles name (a kneeling or
# two-leg version, the wall as a guide, less load), or the order the first article takes the
# checks in.
SAME_PHASE_REGRESSIONS = {
    ("aslr-test", "glute-squeeze-test"),
    ("aslr-distraction-test", "aslr-test"),
    ("wall-hinge-check", "aslr-distraction-test"),
    ("dowel-three-point-check", "wall-hinge-check"),
}

# What to try when a check is too hard, where an article says so: "If this is too difficult,
# try from a kneeling position" (the dowel check, 002).
TOO_HARD_ALTERNATIVES = {("dowel-three-point-check", "kneeling-dowel-hinge")}


def test_an_easier_neighbour_is_never_from_a_later_phase(catalogue: Catalogue) -> None:
    for drill in catalogue:
        for other in drill.easier:
            if (drill.id, other) in TOO_HARD_ALTERNATIVES:
                continue
            assert catalogue.get(other).phase <= drill.phase, (drill.id, other)
        for other in drill.harder:
            if (other, drill.id) in TOO_HARD_ALTERNATIVES:
                continue
            assert catalogue.get(other).phase >= drill.phase, (drill.id, other)


def test_a_check_is_only_made_easier_by_another_check(catalogue: Catalogue) -> None:
    for drill in catalogue.in_phase(Phase.CHECK):
        for other in drill.easier:
            if (drill.id, other) in TOO_HARD_ALTERNATIVES:
                continue
            assert catalogue.get(other).kind is DrillKind.CHECK, (drill.id, other)
            assert (drill.id, other) in SAME_PHASE_REGRESSIONS


@pytest.mark.parametrize(
    ("drill_id", "practise_first", "next_step"),
    [
        (
            "dowel-hinge",
            "Practise first: Kneeling dowel hinge, Wall hip hinge",
            "Next step, once this is easy:",
        ),
        (
            "wall-hip-hinge",
            "Practise first: Kneeling hip hinge",
            "Next step, once this is easy: Dowel hip hinge",
        ),
        (
            "wall-hinge-check",
            "If this is too hard, try: Active straight-leg raise test with band pull",
            "Next step, once this is easy: Dowel three-point check, Band pull-through (light "
            "loading)",
        ),
        (
            "glute-bridge",
            "",
            "Next step, once this is easy: Barbell glute bridge, Glute bridge knee-outs, "
            "Single-leg glute bridge",
        ),
        (
            "band-resisted-hip-thrust",
            "Practise first: Dowel hip hinge (patterning)",
            "Next step, once this is easy: Band pull-through",
        ),
        (
            "dowel-three-point-check",
            "If this is too hard, try: Wall hinge check, Kneeling dowel hinge (patterning)",
            "Next step, once this is easy: Good morning",
        ),
    ],
)
def test_the_detail_pane_says_what_to_practise_first_and_what_comes_next(
    qtbot: QtBot, catalogue: Catalogue, drill_id: str, practise_first: str, next_step: str
) -> None:
    detail = DrillDetail(catalogue)
    qtbot.addWidget(detail)
    detail.show_drill(catalogue.get(drill_id))
    label = detail.findChild(QLabel, "drillNeighbours")
    assert label.isVisibleTo(detail)
    shown = plain(label.text())
    if practise_first:
        assert practise_first in shown
    else:
        assert "Practise first" not in shown
    assert next_step in shown
    # Said once, in words: not again as "Easier:"/"Harder:" further down.
    body = plain(detail.findChild(QLabel, "drillBody").text())
    assert "Easier:" not in body
    assert "Harder:" not in body


def test_a_phase_zero_check_is_never_preceded_by_a_later_drill(
    qtbot: QtBot, catalogue: Catalogue
) -> None:
    for drill in catalogue.in_phase(Phase.CHECK):
        for label, drills in neighbour_lines(drill, catalogue):
            assert label != "Practise first:", drill.id
            if label == "If this is too hard, try:":
                assert all(
                    other.phase is Phase.CHECK or (drill.id, other.id) in TOO_HARD_ALTERNATIVES
                    for other in drills
                ), drill.id


def test_a_drill_without_neighbours_shows_no_line(qtbot: QtBot, catalogue: Catalogue) -> None:
    lonely = replace(catalogue.get("dead-bug"), easier=(), harder=())
    detail = DrillDetail(Catalogue((lonely,)))
    qtbot.addWidget(detail)
    label = detail.findChild(QLabel, "drillNeighbours")
    detail.show_drill(None)
    assert not label.isVisibleTo(detail)
    detail.show_drill(lonely)
    assert not label.isVisibleTo(detail)
    assert label.text() == ""


def plain(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return " ".join(document.toPlainText().replace("\u00a0", " ").split())
