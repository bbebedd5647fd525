"""Help → Keyboard shortcuts (F1): every shortcut with where it works, what it does and all its
keys; and the README's keyboard list says the same."""

from __future__ import annotations

import re
from pathlib import Path

from hinge_window import HingeWindow
from PySide6.QtCore import Qt

from hinge_desktop.ui.shell.shortcuts_dialog import Shortcut, ShortcutsDialog

README = Path(__file__).resolve().parents[1] / "README.md"
ROW = re.compile(r"^\| (?P<where>[^|]+?) \| (?P<keys>[^|]+?) \| (?P<what>[^|]+?) \|$")


def readme_shortcuts() -> list[Shortcut]:
    """The rows of the README's keyboard table: where, action, keys."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Keyboard\n", 1)[1].split("\n## ", 1)[0]
    rows = [ROW.match(line) for line in section.splitlines()]
    found = [(m["where"], m["what"], m["keys"]) for m in rows if m is not None]
    assert found[0] == ("where", "action", "keys"), "the table's heading"
    return [row for row in found[1:] if not row[0].startswith("---")]


def f1(hinge: HingeWindow) -> ShortcutsDialog:
    hinge.show_window(active=True)
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_F1)
    dialog = hinge.window.findChild(ShortcutsDialog)
    assert dialog is not None
    return dialog


def test_f1_lists_every_shortcut_with_where_it_works_and_a_name(hinge: HingeWindow) -> None:
    dialog = f1(hinge)
    entries = dialog.entries()
    dialog.close()
    assert dialog.table.columnCount() == 3
    wheres = {where for where, _what, _keys in entries}
    assert {"Anywhere", "Drills", "Workout", "History"} <= wheres
    assert all(keys for _where, _what, keys in entries)
    assert [e for e in entries if not e[1]] == [], "a shortcut without a name"
    listed = {(where, what): keys for where, what, keys in entries}
    assert listed["Anywhere", "Follow along"] == "F11"
    assert listed["Anywhere", "Quit"] == "Ctrl+Q"
    assert listed["Workout", "Start or pause the workout"] == "Space"
    assert listed["Workout", "Leave follow-along, or finish the workout"] == "Esc"
    assert listed["Workout", "Log set"] == "Return, Enter", "every key of an action"


def test_the_readme_lists_the_shortcuts_f1_lists(hinge: HingeWindow) -> None:
    dialog = f1(hinge)
    listed = dialog.entries()
    dialog.close()
    assert readme_shortcuts() == listed
