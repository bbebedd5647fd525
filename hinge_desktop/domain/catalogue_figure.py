"""Reading a drill's ``[figure]`` table: its support, anchor, surface, key poses and props,
each checked so that a wrong angle or body point is refused by file, drill and field."""

from __future__ import annotations

from typing import Any

from hinge_desktop.domain.catalogue_entry import Entry
from hinge_desktop.domain.drills import Figure, Place, Pose, Prop, PropKind, Support
from hinge_desktop.domain.figure import BODY_POINTS, SURFACES

ANGLE_LIMIT = 360.0


def _place(entry: Entry, key: str) -> Place | None:
    if not entry.has(key):
        return None
    value = entry.value(key)
    if isinstance(value, str):
        if value not in BODY_POINTS:
            raise entry.fail(
                key, f"is {value!r}; it must be a body point ({', '.join(BODY_POINTS)})"
            )
        return value
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    raise entry.fail(key, "must be a body point or [x, y] in centimetres")


def _pose(entry: Entry) -> Pose:
    def angle(key: str, default: Any = ...) -> Any:
        return entry.number(key, -ANGLE_LIMIT, ANGLE_LIMIT, default=default)

    contacts = entry.texts("contacts", required=False)
    for index, point in enumerate(contacts):
        if point not in BODY_POINTS:
            raise entry.fail(f"contacts[{index}]", f"is {point!r}; it is not a body point")
    pose = Pose(
        name=entry.text("name"),
        trunk=angle("trunk"),
        hip=angle("hip"),
        knee=angle("knee"),
        ankle=angle("ankle"),
        neck=angle("neck", 0),
        shoulder=angle("shoulder"),
        elbow=angle("elbow", 0),
        far_hip=angle("far_hip", None),
        far_knee=angle("far_knee", None),
        far_ankle=angle("far_ankle", None),
        contacts=contacts,
    )
    entry.done()
    return pose


def _prop(entry: Entry) -> Prop:
    prop = Prop(
        kind=entry.choice("kind", PropKind),
        at=_place(entry, "at"),
        to=_place(entry, "to"),
        width=entry.number("width", 0, 300, default=0.0),
        height=entry.number("height", 0, 200, default=0.0),
    )
    entry.accept("at", "to")
    if prop.kind is PropKind.CABLE and (prop.at is None or prop.to is None):
        raise entry.fail(None, "a cable needs both 'at' and 'to'")
    if prop.kind is PropKind.BAND and prop.at is None:
        raise entry.fail(None, "a band needs 'at' (a loop there) and may have 'to' (a line)")
    if prop.kind in {PropKind.BENCH, PropKind.BLOCK} and not (prop.width and prop.height):
        raise entry.fail(None, f"a {prop.kind.value} needs a width and a height")
    entry.done()
    return prop


def parse_figure(entry: Entry) -> Figure:
    """The figure of one drill file, from its ``[figure]`` table."""
    anchor = entry.text("anchor")
    if anchor not in BODY_POINTS:
        raise entry.fail("anchor", f"is {anchor!r}; it must be a body point")
    surface = entry.text("surface") if entry.has("surface") else "floor"
    if surface not in SURFACES:
        raise entry.fail("surface", f"is {surface!r}; it must be one of {', '.join(SURFACES)}")
    poses = tuple(_pose(item) for item in entry.tables("poses"))
    if len(poses) < 2:
        raise entry.fail("poses", "a figure needs at least a start and an end pose")
    names = [pose.name for pose in poses]
    if len(set(names)) != len(names):
        raise entry.fail("poses", "pose names must be unique")
    props = tuple(_prop(item) for item in entry.tables("props", required=False))
    if surface != "floor" and not any(p.kind.value == surface for p in props):
        raise entry.fail("surface", f"is '{surface}' but no {surface} is drawn in props")
    figure = Figure(
        support=entry.choice("support", Support),
        anchor=anchor,
        surface=surface,
        poses=poses,
        props=props,
    )
    entry.done()
    return figure
