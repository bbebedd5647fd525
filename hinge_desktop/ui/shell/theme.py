"""Light and dark palettes for the Fusion style, following the system's colour scheme.

Fusion looks the same on every platform; the palette comes from here so that a dark desktop gets
a dark Hinge, and the person can also choose one in Settings.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from hinge_desktop.ui.widgets.colours import ACCENT

LIGHT = "light"
DARK = "dark"
SYSTEM = "system"


def system_scheme() -> str:
    """The desktop's colour scheme, as Qt's style hints tell it."""
    from PySide6.QtCore import Qt  # see guessed_system_scheme

    scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def guessed_system_scheme() -> str:
    """The desktop's colour scheme as its palette shows it (dark text on light, or the other
    way), before Hinge's palette is applied.

    For the first paint: the style hints' answer is a ``Qt.ColorScheme``, and the first use of
    the ``Qt`` namespace builds every one of its enums (about 40 ms, as long as the rest of the
    window). Right after the first paint :func:`system_scheme` is asked, and a wrong guess is
    put right at once.
    """
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < DARK_BELOW else LIGHT


DARK_BELOW = 128
"""A window colour darker than this (of 255) is a dark scheme."""


def resolve(choice: str, *, guess: bool = False) -> str:
    """The scheme to show for a setting of ``system``, ``light`` or ``dark`` (``guess``: for
    ``system``, guess it from the desktop's palette)."""
    if choice != SYSTEM:
        return choice
    return guessed_system_scheme() if guess else system_scheme()


def palette_for(scheme: str) -> QPalette:
    if scheme == DARK:
        return _palette(
            window="#1f2326",
            base="#171a1c",
            alternate="#262b2e",
            text="#e8eaeb",
            button="#2a2f33",
            mid="#3a4146",
            disabled="#7d8489",
            link="#7fc8b8",
            highlight="#3f9c88",
        )
    return _palette(
        window="#f4f5f4",
        base="#ffffff",
        alternate="#eef1f0",
        text="#1c2124",
        button="#e9ecea",
        mid="#c5cbc8",
        disabled="#8b9295",
        link=ACCENT,
        highlight=ACCENT,
    )


def apply(app: QApplication, choice: str, *, guess: bool = False) -> str:
    """Apply the palette for ``choice``; returns the scheme shown (``light`` or ``dark``)."""
    scheme = resolve(choice, guess=guess)
    app.setPalette(palette_for(scheme))
    return scheme


def _palette(
    *,
    window: str,
    base: str,
    alternate: str,
    text: str,
    button: str,
    mid: str,
    disabled: str,
    link: str,
    highlight: str,
) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, alternate),
        (role.ToolTipBase, base),
        (role.ToolTipText, text),
        (role.PlaceholderText, disabled),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.BrightText, "#ffffff"),
        (role.Light, QColor(button).lighter(130).name()),
        (role.Midlight, QColor(button).lighter(115).name()),
        (role.Mid, mid),
        (role.Dark, QColor(mid).darker(130).name()),
        (role.Shadow, "#000000"),
        (role.Highlight, highlight),
        (role.HighlightedText, "#ffffff"),
        (role.Link, link),
        (role.LinkVisited, link),
        (role.Accent, highlight),
    ):
        pal.setColor(r, QColor(colour))
    group = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group, r, QColor(disabled))
    return pal
