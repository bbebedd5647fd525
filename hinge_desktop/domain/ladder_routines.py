"""The rungs' built-in routines, rung by rung: their drills, their sets where they differ from
the drills' own, the rest from one drill to the next, the minutes each promises, and their words.

The drills of a rung are that rung's drills: the ladder decides where a drill belongs, this
module only which of them a rung's session does.
"""

from __future__ import annotations

from hinge_desktop.domain.drills import Phase

# From the last set of one drill to the next: a short walk between floor drills (roll over,
# pick up a band, step to the wall), a minute to set a band again, and between loaded lifts as
# long as the rest between their sets, to load the next one.
SHORT_WALK = 30
BAND_CHANGE = 60
NEXT_LIFT = 90

PHASE_DRILLS: dict[Phase, tuple[str, ...]] = {
    Phase.CHECK: (
        "glute-squeeze-test",
        "aslr-test",
        "aslr-distraction-test",
        "wall-hinge-check",
        "dowel-three-point-check",
    ),
    Phase.ACTIVATION: (
        "glute-bridge",
        "single-leg-glute-bridge",
        "glute-bridge-knee-outs",
        "hip-extension-bench-hands",
    ),
    Phase.MOBILITY: (
        "roll-stretch-glutes",
        "roll-stretch-hamstrings",
        "roll-stretch-hip-flexors",
        "aslr-distraction",
    ),
    Phase.PATTERNING: (
        "quadruped-rock-back",
        "kneeling-hinge",
        "wall-hip-hinge",
        "dowel-hinge",
        "hands-on-hips-hinge",
        "dead-bug",
    ),
    Phase.LIGHT_LOADING: ("good-morning", "band-pull-through", "band-good-morning"),
    Phase.LOADING: ("front-loaded-rdl", "kettlebell-deadlift"),
    Phase.BAR_AND_SWING: ("romanian-deadlift", "kettlebell-swing"),
    Phase.SINGLE_LEG: ("b-stance-deadlift", "single-leg-rdl"),
}

PHASE_SETS: dict[Phase, int] = {Phase.ACTIVATION: 1, Phase.PATTERNING: 1}
"""Rungs done for one set of each drill instead of the drill's own sets: activation because it
is done every day, maybe twice; patterning because each rep must keep the back neutral, and a
short session done often teaches that better than a long one."""

PHASE_TRANSITIONS: dict[Phase, int] = {
    Phase.CHECK: SHORT_WALK,
    Phase.ACTIVATION: SHORT_WALK,
    Phase.MOBILITY: SHORT_WALK,
    Phase.PATTERNING: SHORT_WALK,
    Phase.LIGHT_LOADING: BAND_CHANGE,
    Phase.LOADING: NEXT_LIFT,
    Phase.BAR_AND_SWING: NEXT_LIFT,
    Phase.SINGLE_LEG: BAND_CHANGE,
}

PHASE_MINUTES: dict[Phase, tuple[int, int]] = {
    Phase.CHECK: (5, 8),
    Phase.ACTIVATION: (8, 11),
    Phase.MOBILITY: (14, 18),
    Phase.PATTERNING: (9, 13),
    Phase.LIGHT_LOADING: (14, 19),
    Phase.LOADING: (11, 15),
    Phase.BAR_AND_SWING: (11, 15),
    Phase.SINGLE_LEG: (14, 19),
}
"""How long each rung's routine takes, as its description promises."""

PHASE_TITLES: dict[Phase, str] = {
    Phase.CHECK: "Ladder 0: the checks",
    Phase.ACTIVATION: "Ladder 1: glute activation",
    Phase.MOBILITY: "Ladder 2: mobility",
    Phase.PATTERNING: "Ladder 3: patterning",
    Phase.LIGHT_LOADING: "Ladder 4: light loading",
    Phase.LOADING: "Ladder 5: loading",
    Phase.BAR_AND_SWING: "Ladder 6: bar and swing",
    Phase.SINGLE_LEG: "Ladder 7: single leg",
}

PHASE_DESCRIPTIONS: dict[Phase, str] = {
    Phase.CHECK: (
        "The tests that say where to start: do your glutes tighten when you squeeze them, "
        "standing and then seated; how high does each leg lift; and does the hinge hold its "
        "shape at the wall and under a dowel."
    ),
    Phase.ACTIVATION: (
        "Bridges and hip extensions, one slow and exact set of each, until the glutes do the "
        "work and the low back and hamstrings stay quiet. Worth doing every day, and between "
        "sessions, squeeze your glutes now and then through the day."
    ),
    Phase.MOBILITY: (
        "Roll each area gently, then stretch it, then teach the leg to lift while the core "
        "stays busy. Easy pressure is enough."
    ),
    Phase.PATTERNING: (
        "Learn the movement itself, one set of each drill: hips back, spine long, shins nearly "
        "vertical. A rep only counts with a neutral low back."
    ),
    Phase.LIGHT_LOADING: (
        "First resistance: bands and pull-throughs load the hips while sparing the back, then "
        "good mornings teach the hinge under a light pull."
    ),
    # The articles ask only for caution here; the rule for the first load is Hinge's, and the
    # drills' shared note "first-load" shows it as added.
    Phase.LOADING: (
        "Loading begins light, one weight at a time: held at your chest, then lifted from the "
        "floor. Stay tight all the way through. First load: the lightest kettlebell or dumbbell "
        "you have, one you could lift 15 times with your back keeping its shape; keep it until a "
        "whole session goes easily, then add the smallest step. If a rep loses its shape, go back "
        "down."
    ),
    Phase.BAR_AND_SWING: (
        "Now the bar and the swing: the Romanian deadlift with a barbell, then kettlebell "
        "swings with your abs braced on every rep. Start each with the empty bar or a light "
        "bell, and add weight only while every rep keeps its shape."
    ),
    Phase.SINGLE_LEG: (
        "One leg at a time: hips level, back heel reaching behind you, turn the toes in if the "
        "hip opens out."
    ),
}
