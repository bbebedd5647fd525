"""The line icons of the navigation and menus, as SVG markup in ``currentColor``.

They live in code rather than in ``assets/`` because the window paints them before anything else
loads: reading package data costs more start-up time than the whole rest of the window.
"""

from __future__ import annotations

HEADER = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" '
    'fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
    'stroke-linejoin="round">'
)

SHAPES: dict[str, str] = {
    "today": (
        '<path d="M4 10.5L12 4l8 6.5"/><path d="M6 9v10.5h12V9"/><path d="M10 19.5v-5h4v5"/>'
    ),
    "drills": (
        '<path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H11v16H5.5A1.5 1.5 0 0 1 4 18.5z"/>'
        '<path d="M20 5.5A1.5 1.5 0 0 0 18.5 4H13v16h5.5a1.5 1.5 0 0 0 1.5-1.5z"/>'
        '<path d="M6.5 8h2M6.5 11h2M15.5 8h2M15.5 11h2"/>'
    ),
    "workout": (
        '<circle cx="12" cy="13" r="8"/>'
        '<path d="M10 2.5h4M12 2.5V5"/>'
        '<path d="M10.5 10v6l4.5-3z" fill="currentColor"/>'
    ),
    "history": (
        '<path d="M3.5 4v16.5H20"/>'
        '<path d="M7 15.5l3.5-4 3 2.5L19 7.5"/>'
        '<circle cx="19" cy="7.5" r="1.2" fill="currentColor"/>'
    ),
    "settings": (
        '<path d="M4 6.5h9M17 6.5h3M4 12h3M11 12h9M4 17.5h11M19 17.5h1"/>'
        '<circle cx="15" cy="6.5" r="2"/>'
        '<circle cx="9" cy="12" r="2"/>'
        '<circle cx="17" cy="17.5" r="2"/>'
    ),
}


def svg(name: str) -> str:
    """The icon ``name`` as a whole SVG document."""
    return f"{HEADER}{SHAPES[name]}</svg>"
