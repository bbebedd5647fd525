"""The source articles every drill, cue and dose is written from."""

from __future__ import annotations

SOURCES: dict[str, str] = {
    "000_f0d8267c270ae285.txt": "Learning the hip hinge, when you've got no hips",
    "001_6570aadc8c735d3b.txt": "Learning how to hip hinge",
    "002_f3b9e46bc58ab9f6.txt": "Hip hinge: lift with your legs, not with your back",
    "003_b0ad731887608956.txt": "The case of the hip hinge, and five hip hinge exercises",
    "004_dee04668fea2a83d.txt": "5 tips for your hip hinge",
}
"""The five articles on the hip hinge that every drill is written from, by file name."""
