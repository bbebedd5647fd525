"""Guard against PySide6 6.12.0 on Python 3.11, which drops a reference to None on every void
call and aborts the app after a few thousand calls (Fatal Python error: none_dealloc)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_eat_references_to_none(qapp: object) -> None:
    label = QLabel()
    for _ in range(1000):  # warm up caches that may hold a reference to None
        label.setText("hips back")
    before = sys.getrefcount(None)
    for number in range(100_000):
        label.setText("squeeze the glutes" if number % 2 else "hips back")
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references in 100,000 calls"
