"""``hinge-desktop --analyse VIDEO --drill ID``: a clip filmed from the side, its reps printed
one a line with their cues; clear refusals for what cannot be analysed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from pose_clips import frames, require_pose_extra, write_clip
from PySide6.QtWidgets import QApplication

from hinge_desktop.cli import analyse
from hinge_desktop.cli.options import parse_args
from hinge_desktop.domain.pose.rep_script import Fault


def _hinge(*args: str) -> subprocess.CompletedProcess[str]:
    python = Path(sys.prefix) / "bin" / "python"
    return subprocess.run(
        [str(python), "-m", "hinge_desktop", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\0" * 64)
    return path


def test_a_drill_that_does_not_exist_is_named_with_the_ones_that_do(
    clip: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert analyse.run_analyse(clip, "deadlfit") == analyse.UNUSABLE
    err = capsys.readouterr().err
    assert "'deadlfit'" in err
    assert "kettlebell-deadlift" in err


def test_a_drill_the_camera_does_not_follow_is_refused(
    clip: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert analyse.run_analyse(clip, "glute-bridge") == analyse.UNUSABLE
    err = capsys.readouterr().err
    assert "Glute bridge" in err
    assert "standing hinge drills" in err


def test_a_missing_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.mp4"
    assert analyse.run_analyse(missing, "kettlebell-deadlift") == analyse.UNUSABLE
    assert str(missing) in capsys.readouterr().err


def test_without_the_pose_extra_it_says_how_to_add_it(
    clip: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hinge_desktop.vision.pose_model.pose_model_installed", lambda: False)
    assert analyse.run_analyse(clip, "kettlebell-deadlift") == analyse.NO_POSE_EXTRA
    assert "pip install 'hinge-desktop[pose]'" in capsys.readouterr().err


def test_the_clip_and_the_drill_go_together(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--analyse", "clip.mp4"], ["--drill", "kettlebell-deadlift"]):
        with pytest.raises(SystemExit) as exited:
            parse_args(args)
        assert exited.value.code == 2
        assert "--analyse VIDEO and --drill ID go together" in capsys.readouterr().err
    options = parse_args(["--analyse", "clip.mp4", "--drill", "romanian-deadlift"])
    assert options.analyse_file == Path("clip.mp4")
    assert options.analyse_drill == "romanian-deadlift"


@pytest.mark.slow
def test_a_still_picture_is_refused(tmp_path: Path) -> None:
    require_pose_extra()
    from PySide6.QtGui import QImage

    picture = tmp_path / "side-on.png"
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(0xFFEEEEEE)
    assert image.save(str(picture))
    result = _hinge("--analyse", str(picture), "--drill", "kettlebell-deadlift")
    assert result.returncode == analyse.UNUSABLE
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"hinge-desktop: {picture} is a still picture, not a video: it has one frame"
    )


def test_a_file_that_is_not_a_video_is_refused(tmp_path: Path) -> None:
    require_pose_extra()
    notes = tmp_path / "notes.mp4"
    notes.write_text("three sets of ten\n", encoding="utf-8")
    result = _hinge("--analyse", str(notes), "--drill", "kettlebell-deadlift")
    assert result.returncode == analyse.UNUSABLE
    assert result.stdout == ""
    # The command's own line comes last; the model's start-up notes say nothing a person can
    # act on, and are not shown (FFmpeg's own word on the file may come first).
    lines = result.stderr.splitlines()
    assert lines[-1].startswith(f"hinge-desktop: {notes} is not a video Hinge can read")
    assert not [line for line in lines if "TensorFlow" in line or line.startswith("W0000")]


@pytest.mark.slow
def test_a_clip_prints_each_rep_with_its_cues_and_a_count(
    qapp: QApplication, tmp_path: Path
) -> None:
    require_pose_extra()
    drill = CATALOGUE.get("kettlebell-deadlift")
    video = tmp_path / "kb.mp4"
    faults = [Fault.NONE, Fault.SHALLOW, Fault.KNEES_FORWARD, Fault.NONE]
    write_clip(video, drill, faults)
    result = _hinge("--analyse", str(video), "--drill", drill.id)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    reps = [line for line in lines if line.startswith("rep ")]
    assert len(reps) == 4, result.stdout
    pattern = re.compile(
        r"rep (\d)  at (\d):(\d\d\.\d)  deepest hip (\d+)°  knee (\d+)°  cues: (.*)"
    )
    parsed = [pattern.fullmatch(line) for line in reps]
    assert all(parsed), reps
    assert [int(m.group(1)) for m in parsed if m] == [1, 2, 3, 4]
    cues = [m.group(6) for m in parsed if m]
    assert cues[0] == cues[3] == "none"
    assert "push the hips back further" in cues[1]
    assert "hips back" in cues[2].split(", ")
    deepest = [int(m.group(4)) for m in parsed if m]
    assert abs(deepest[0] - 137) <= 12
    assert deepest[1] < deepest[0] - 40
    times = [int(m.group(2)) * 60 + float(m.group(3)) for m in parsed if m]
    assert times == sorted(times)
    assert lines[-1].startswith("Kettlebell deadlift: 4 reps in 0:")


def test_a_clip_that_ends_at_the_bottom_of_a_rep_says_so(tmp_path: Path) -> None:
    require_pose_extra()
    drill = CATALOGUE.get("kettlebell-deadlift")
    video = tmp_path / "cut.mp4"
    # Filmed to just past the deepest point of the rep.
    deepest, _truth = max(frames(drill, [Fault.NONE], 10), key=lambda frame: frame[1].hip)
    write_clip(video, drill, [Fault.NONE], fps=10, upto=deepest.seconds + 0.3)
    result = _hinge("--analyse", str(video), "--drill", drill.id)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("Kettlebell deadlift: 0 reps in ")
    assert "no whole rep: the clip ended before the hip came back under" in result.stderr


def test_a_clip_with_no_whole_rep_says_what_a_rep_is(tmp_path: Path) -> None:
    require_pose_extra()
    drill = CATALOGUE.get("kettlebell-deadlift")
    video = tmp_path / "standing.mp4"
    # The person stands side-on for a second, filmed at 10 frames a second, and never hinges.
    assert write_clip(video, drill, [], fps=10) == 10
    result = _hinge("--analyse", str(video), "--drill", drill.id)
    assert result.returncode == 0, result.stderr
    # The clip's length runs to the end of its last frame.
    assert result.stdout.splitlines()[-1].startswith("Kettlebell deadlift: 0 reps in 0:01.0 (")
    said = re.search(
        r"hinge-desktop: no whole rep: the deepest hip bend in the clip was (\d+)°\. A rep "
        r"counts from standing, with the hip bent under (\d+)°, down past (\d+)° and back "
        r"under \d+°\.",
        result.stderr,
    )
    assert said, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    deepest, under, past = (int(group) for group in said.groups())
    assert under < past <= 137
    assert deepest < under
