"""What a drill is: the words that teach it, the dose that trains it, the poses that show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class Phase(IntEnum):
    """The rungs of the ladder, from the first checks to single-leg hinges.

    Loading comes in the first article's steps: bands first (light loading), then weights held
    in the hands (loading), and only once those go easily the bar, the swing and the good
    morning with a bar (bar and swing).
    """

    CHECK = 0
    ACTIVATION = 1
    MOBILITY = 2
    PATTERNING = 3
    LIGHT_LOADING = 4
    LOADING = 5
    BAR_AND_SWING = 6
    SINGLE_LEG = 7


class DrillKind(StrEnum):
    EXERCISE = "exercise"
    CHECK = "check"
    MOBILITY = "mobility"


class Equipment(StrEnum):
    WALL = "wall"
    DOWEL = "dowel"
    BAND = "band"
    BENCH = "bench"
    FOAM_ROLLER = "foam roller"
    BALL = "ball"
    KETTLEBELL = "kettlebell"
    DUMBBELL = "dumbbell"
    BARBELL = "barbell"
    CABLE = "cable"


class Focus(StrEnum):
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    CORE = "core"
    MOBILITY = "mobility"


class CheckResult(StrEnum):
    """How the outcome of a check is recorded."""

    PASS_FAIL = "pass_fail"
    MEASURE = "measure"


class CueMoment(StrEnum):
    """When in a set a form cue is said, as the drill file gives it."""

    BEFORE = "before"
    """Before the set's first rep: in the get-ready or the rest that leads into the set."""
    OUT = "out"
    """On the way from the first pose to the last, just after the count."""
    END = "end"
    """On arriving at the last pose, during the pause there."""
    BACK = "back"
    """On the way back from the last pose to the first."""
    HOLD = "hold"
    """During a hold (or a timed part)."""


@dataclass(frozen=True)
class DrillCue:
    """A short phrase the coach says, and when.

    ``effort`` marks a cue that asks for the work itself (squeeze, drive, push through): it
    belongs where the hips extend or hold extension, never where they leave it.
    """

    text: str
    when: CueMoment
    effort: bool = False
    part: str | None = None
    """In a drill done in timed parts, the name of the part the cue belongs to (None: any)."""


@dataclass(frozen=True)
class Part:
    """One timed part of a drill done by the clock (roll for 60 s, then stretch for 30 s)."""

    name: str
    seconds: int
    per_side: bool = False


@dataclass(frozen=True)
class Tempo:
    """Seconds to move from the first pose to the last, hold there, come back, rest.

    For a deadlift that is down, pause, up, pause; for a bridge, up, squeeze, down, pause.
    """

    away: float
    hold: float
    back: float
    rest: float

    @property
    def rep_seconds(self) -> float:
        return self.away + self.hold + self.back + self.rest


@dataclass(frozen=True)
class Prescription:
    """The dose a drill starts with: reps paced by the tempo, or a hold."""

    sets: int
    reps: int | None
    hold_seconds: int | None
    tempo: Tempo
    rest_seconds: int
    per_side: bool
    ballistic: bool = False
    """Fast reps (a swing): a form cue every few reps, never one inside every rep."""
    alternating: bool = False
    """Per-side reps that change side every rep (a dead bug), with no switch between sides."""
    parts: tuple[Part, ...] = ()
    """Timed parts done in order in each set, instead of one hold."""

    @property
    def is_hold(self) -> bool:
        return self.hold_seconds is not None


@dataclass(frozen=True)
class Fault:
    fault: str
    fix: str


@dataclass(frozen=True)
class Check:
    """What the result of a check looks like, so that it can be logged."""

    result: CheckResult
    pass_when: str
    criteria: tuple[str, ...] = ()
    measure: str | None = None
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    target: float | None = None


@dataclass(frozen=True)
class Pose:
    """A key position of the side-view figure, as joint angles in degrees.

    ``trunk`` is the lean of the hip-to-shoulder line from vertical (forward is positive,
    lying on the back is -90). ``hip``, ``knee``, ``shoulder``, ``elbow`` and ``neck`` are
    flexion angles (0 is straight); ``ankle`` is dorsiflexion (shin over the toes is positive).
    The far leg repeats the near one unless it is given.
    """

    name: str
    trunk: float
    hip: float
    knee: float
    ankle: float
    neck: float
    shoulder: float
    elbow: float
    far_hip: float | None = None
    far_knee: float | None = None
    far_ankle: float | None = None
    contacts: tuple[str, ...] = ()

    def angles(self) -> dict[str, float]:
        """Every angle of the pose, the far leg filled in from the near one."""
        return {
            "trunk": self.trunk,
            "hip": self.hip,
            "knee": self.knee,
            "ankle": self.ankle,
            "neck": self.neck,
            "shoulder": self.shoulder,
            "elbow": self.elbow,
            "far_hip": self.hip if self.far_hip is None else self.far_hip,
            "far_knee": self.knee if self.far_knee is None else self.far_knee,
            "far_ankle": self.ankle if self.far_ankle is None else self.far_ankle,
        }


class Support(StrEnum):
    STANDING = "standing"
    SITTING = "sitting"
    KNEELING = "kneeling"
    ALL_FOURS = "all_fours"
    LYING = "lying"


class PropKind(StrEnum):
    WALL = "wall"
    DOWEL = "dowel"
    BAND = "band"
    CABLE = "cable"
    BENCH = "bench"
    BLOCK = "block"
    ROLLER = "roller"
    BALL = "ball"
    KETTLEBELL = "kettlebell"
    DUMBBELL = "dumbbell"
    BARBELL = "barbell"
    TOWEL = "towel"


Place = str | tuple[float, float]
"""A body point by name ("hand", "knee"…) or a fixed spot in centimetres from the anchor."""


@dataclass(frozen=True)
class Prop:
    """Equipment drawn with the figure."""

    kind: PropKind
    at: Place | None = None
    to: Place | None = None
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class Figure:
    """How to draw a drill: which point stays put, on what, and the key poses."""

    support: Support
    anchor: str
    surface: str
    poses: tuple[Pose, ...]
    props: tuple[Prop, ...] = ()


@dataclass(frozen=True)
class Drill:
    id: str
    name: str
    phase: Phase
    kind: DrillKind
    equipment: frozenset[Equipment]
    focus: frozenset[Focus]
    purpose: str
    setup: tuple[str, ...]
    steps: tuple[str, ...]
    cues: tuple[DrillCue, ...]
    faults: tuple[Fault, ...]
    safety: tuple[str, ...]
    prescription: Prescription
    figure: Figure
    sources: tuple[str, ...]
    easier: tuple[str, ...] = ()
    harder: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    check: Check | None = None
    cue_sequence: bool = False
    """Every cue in every rep, in order (a set-up said step by step), instead of one of each
    moment per rep in turn."""
    easily: bool = False
    """A standing hinge where the three "easily" questions make sense; its easy days count
    towards the ladder's gates."""
    feel: str = ""
    """Where the person should feel the drill working."""
    if_it_hurts: str = ""
    """What to do if the drill hurts."""
    regression: str | None = None
    """The easier drill to offer after a set that hurt (the file's ``regression``, else the first
    of its own ``easier``); None: nothing easier to offer, stop and get it checked."""
    added: tuple[str, ...] = ()
    """What this drill's file gives that the articles do not (a dose, a tempo, a stretch)."""
    notes: tuple[str, ...] = ()
    """The shared coaching notes that apply to this drill, by name (``breathing``)."""
    search_text: str = field(default="", compare=False)

    @property
    def needs_no_equipment(self) -> bool:
        return not self.equipment

    @property
    def cue_texts(self) -> tuple[str, ...]:
        """The words of every cue, in the file's order."""
        return tuple(cue.text for cue in self.cues)


# A cue must be said between two reps: about two seconds of speech at a calm rate.
MAX_CUE_WORDS = 5
MAX_CUE_CHARACTERS = 32


def cue_problem(cue: str) -> str | None:
    """Why a cue is too long to say in about two seconds, or None when it is fine."""
    words = cue.split()
    if not words:
        return "is empty"
    if len(words) > MAX_CUE_WORDS:
        return f"has {len(words)} words; a cue has at most {MAX_CUE_WORDS} to be said in ~2 s"
    if len(cue) > MAX_CUE_CHARACTERS:
        return f"has {len(cue)} characters; a cue has at most {MAX_CUE_CHARACTERS}"
    return None
