"""Where Qt Multimedia cannot load (a machine without libpulse, say), the suite is still
collected and Hinge still starts, silent, instead of failing with an ImportError."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NO_MULTIMEDIA = "import sys; sys.modules['PySide6.QtMultimedia'] = None; "
"""Makes ``import PySide6.QtMultimedia`` fail as it does without the sound libraries."""

TESTS = Path(__file__).parent


def python(code: str, *, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NO_MULTIMEDIA + code],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.slow
def test_every_test_module_is_collected_without_qt_multimedia() -> None:
    result = python(
        "import pytest; sys.exit(pytest.main(['--collect-only', '-q', '-p', 'no:cacheprovider', "
        f"{str(TESTS)!r}]))",
        cwd=TESTS.parent,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "ImportError" not in result.stdout


@pytest.mark.slow
def test_hinge_starts_silent_without_qt_multimedia(tmp_path: Path) -> None:
    shot = tmp_path / "settings.png"
    result = python(
        "from hinge_desktop.app import main; "
        f"sys.exit(main(['--data-dir', {str(tmp_path / 'data')!r}, "
        f"'--screenshot', 'settings', {str(shot)!r}]))",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert shot.exists()
    assert "Traceback" not in result.stderr
