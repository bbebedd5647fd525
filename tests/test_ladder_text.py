"""The ladder's words: one wording of each gate, shared by Today and the ladder panel, and the
leg that is short in the straight-leg raise named wherever the gate is told."""

from __future__ import annotations

from datetime import date

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import LadderHint, LadderState, LegRaise, UnlockReason
from hinge_desktop.domain.routines import builtin_routines
from hinge_desktop.ui import ladder_text
from hinge_desktop.ui.history.progress_panels import reason_text
from hinge_desktop.ui.library.ladder_panel import LadderPanel
from hinge_desktop.ui.today import today_text

DAY = date(2024, 3, 4)

STATES = [
    LadderState(Phase.CHECK, 0, 0, LadderHint.TAKE_SQUEEZE_TEST),
    LadderState(Phase.ACTIVATION, 2, 6, LadderHint.ACTIVATION_DAYS),
    LadderState(Phase.ACTIVATION, 6, 6, LadderHint.RETAKE_SQUEEZE_TEST),
    LadderState(Phase.MOBILITY, 1, 6, LadderHint.MOBILITY_OR_LEG_RAISE),
    LadderState(
        Phase.MOBILITY,
        1,
        6,
        LadderHint.MOBILITY_OR_LEG_RAISE,
        leg_raise=LegRaise("aslr-test", DAY, 90.0, left=90.0, right=60.0),
    ),
    LadderState(Phase.PATTERNING, 1, 3, LadderHint.EASY_SESSIONS),
    LadderState(Phase.LIGHT_LOADING, 0, 3, LadderHint.EASY_SESSIONS),
    LadderState(Phase.LOADING, 2, 3, LadderHint.EASY_SESSIONS),
    LadderState(Phase.SINGLE_LEG, 0, 0, LadderHint.TOP_RUNG),
]


@pytest.mark.parametrize("state", STATES, ids=lambda s: f"{s.phase.name}-{s.hint.value}")
def test_today_and_the_ladder_panel_word_the_gate_alike(qtbot: QtBot, state: LadderState) -> None:
    panel = LadderPanel()
    qtbot.addWidget(panel)
    panel.show_state(state)
    said = panel.findChild(QLabel, "ladderHint").text()
    assert said == today_text.gate_text(state, CATALOGUE)
    counted = panel.findChild(QLabel, "ladderProgressText").text()
    value = today_text.gate_value(state)
    if value[0].isdigit():  # a count, not the name of the test that decides
        assert value == counted


@pytest.mark.parametrize(
    ("left", "right", "said"),
    [
        (90.0, 60.0, "Last test: left 90°, right 60°: the right leg is not there yet."),
        (60.5, 91.0, "Last test: left 60.5°, right 91°: the left leg is not there yet."),
        (80.0, 70.0, "Last test: left 80°, right 70°: neither leg is there yet."),
        (
            92.0,
            None,
            "Last test: left 92°, right not measured: measure the right leg on the same day too.",
        ),
        (
            None,
            90.0,
            "Last test: left not measured, right 90°: measure the left leg on the same day too.",
        ),
        (None, 70.0, "Last test: left not measured, right 70°: the right leg is not there yet."),
    ],
)
def test_the_leg_raise_names_the_leg_that_is_short(
    qapp: QApplication, left: float | None, right: float | None, said: str
) -> None:
    assert ladder_text.leg_raise_text(LegRaise("aslr-test", DAY, 90.0, left, right)) == said


@pytest.mark.parametrize("phase", [Phase.PATTERNING, Phase.LIGHT_LOADING, Phase.LOADING])
def test_the_gate_says_what_counts_days_on_which_a_standing_hinge_went_easily(
    qapp: QApplication, phase: Phase
) -> None:
    state = LadderState(phase, 1, 3, LadderHint.EASY_SESSIONS)
    said = ladder_text.gate_text(state)
    assert "3 days on which a standing hinge" in said
    assert "went easily open" in said
    for criterion in (
        "nobody had to hold you in place",
        "your low back did not move at either end",
        "the foot pressure did not change",
    ):
        assert criterion in said
    assert "dowel" not in said, "the dowel check has criteria of its own"
    assert ("wall hinge check" in said) is (phase is Phase.PATTERNING)
    assert ladder_text.gate_count(state) == "1 of 3 days with an easy standing hinge"


def test_history_says_what_opened_each_rung_as_the_ladder_counts_it() -> None:
    assert "standing hinge went easily" in reason_text(UnlockReason.EASY_SESSIONS.value)
    assert "both legs" in reason_text(UnlockReason.STRAIGHT_LEG_RAISE.value)


def test_the_ladder_says_the_path_may_differ_and_lower_rungs_stay_useful(qtbot: QtBot) -> None:
    panel = LadderPanel()
    qtbot.addWidget(panel)
    note = panel.findChild(QLabel, "ladderAboutPath").text()
    assert "may differ" in note
    assert "not only for beginners" in note


def test_activation_asks_for_a_squeeze_now_and_then_through_the_day() -> None:
    routines = {r.id: r for r in builtin_routines(CATALOGUE, Phase.CHECK)}
    for routine_id in ("builtin.daily-activation", "builtin.phase-1"):
        assert "squeeze your glutes now and then" in routines[routine_id].description
