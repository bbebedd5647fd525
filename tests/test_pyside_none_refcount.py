"""Guard against PySide6 6.12.0 on Python 3.11, which drops a reference to None on every void
call and aborts the app after a few thousand calls (Fatal Python error: none_dealloc).

The calls run in a separate process: with a broken PySide the process aborts, and this test
reports it instead of taking the test run down with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CALLS = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    for _ in range(1000):  # warm up caches that may keep a reference to None
        label.setText("hips back")
    before = sys.getrefcount(None)
    for number in range(100_000):
        label.setText("squeeze the glutes" if number % 2 else "hips back")
        label.setEnabled(number % 3 != 0)
    after = sys.getrefcount(None)
    print(before, after)
    """
)


@pytest.mark.slow
def test_void_qt_calls_do_not_eat_references_to_none() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CALLS],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, f"the process died: {result.stderr[-2000:]}"
    before, after = (int(n) for n in result.stdout.split())
    assert after >= before - 100, f"None lost {before - after} references in 200,000 calls"
