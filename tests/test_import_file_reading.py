"""Reading an export file, whatever is in it: what the CSV reader cannot read is a bad line named
by its number, a file that is no export is refused from its first line without reading on, a
file Excel saved on Windows reads as Windows-1252 and says so, and a long import shows how far
it has got on standard error while standard output keeps its one summary line."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from import_headers import STRONG_HEADER

from hinge_desktop.cli.import_file import run_import
from hinge_desktop.cli.progress import ProgressLines
from hinge_desktop.domain.imports import strong
from hinge_desktop.domain.imports.model import TextEncoding
from hinge_desktop.domain.imports.text_source import MAX_LINE
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.importing import export_file
from hinge_desktop.storage.importing.prepare import ImportFailed, read_export

pytestmark = pytest.mark.damage

ROW = '2024-03-01 07:00:00,"Hinge",1h,"Romanian Deadlift (Barbell)",1,62.5,8,0,0,,,'


def test_a_first_line_longer_than_a_field_may_be_is_a_named_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.csv"
    path.write_text("x" * 140_000 + "\n" + ROW + "\n", encoding="utf-8")

    assert run_import(data_dir, path) == 1

    err = capsys.readouterr().err
    assert f"line 1: a field is longer than {csv.field_size_limit():,} characters" in err
    assert "131,072" in err
    assert "Traceback" not in err


def test_a_known_header_with_a_huge_cell_names_line_1_as_bad(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(STRONG_HEADER + ",x" + "y" * 140_000 + "\n" + ROW + "\n", encoding="utf-8")

    parsed = read_export(path)

    assert [str(problem) for problem in parsed.problems] == [
        f"line 1: a field is longer than {csv.field_size_limit():,} characters"
    ]


def test_a_cell_left_open_names_its_line_and_the_missing_quote() -> None:
    text = STRONG_HEADER + "\n" + ROW + "\n" + ROW.removesuffix(",,,") + ',"left open,,\n'
    text += ("x" * 1000 + "\n") * 140

    parsed = strong.parse(text, lambda moment: moment.astimezone())

    assert parsed.set_count == 1
    assert [str(problem) for problem in parsed.problems] == [
        f"line 3: a field is longer than {csv.field_size_limit():,} characters; "
        "is a closing quote missing?"
    ]


def test_a_line_longer_than_any_export_has_is_a_named_line(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(
        STRONG_HEADER + "\n" + ROW + "\n" + "z" * (MAX_LINE + 10) + "\n", encoding="utf-8"
    )

    parsed = read_export(path)

    assert parsed.set_count == 1
    assert [str(problem) for problem in parsed.problems] == [
        f"line 3: a line is longer than {MAX_LINE:,} characters"
    ]


def test_junk_is_refused_from_its_first_line_without_reading_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "junk.csv"
    with path.open("wb") as out:
        out.write(b"PK this is no export\n" + b"a,b\n" * export_file.HEAD_BYTES)
        out.write(os.urandom(8 * 1024 * 1024))
    checked: list[Path] = []
    monkeypatch.setattr(export_file, "_check_whole", lambda *args: checked.append(args[0]))

    with pytest.raises(ImportFailed, match="is not the header of an export Hinge knows"):
        read_export(path)
    assert checked == [], "the file was not read past its first line"


def test_a_file_too_large_to_be_an_export_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.truncate(export_file.MAX_BYTES + 1)

    with pytest.raises(ImportFailed, match="too large to be a training export"):
        read_export(path)


def test_bytes_that_are_no_text_past_the_start_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    rows = (ROW + "\n") * 2000
    path.write_bytes((STRONG_HEADER + "\n" + rows).encode() + b"\x00\x01\x02" + b"\n")

    with pytest.raises(ImportFailed, match="is not a text file"):
        read_export(path)


def test_utf16_with_its_mark_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_bytes((STRONG_HEADER + "\r\n" + ROW + "\r\n").encode("utf-16"))

    parsed = read_export(path)

    assert (parsed.set_count, parsed.problems, parsed.encoding) == (1, (), TextEncoding.UTF16)
    assert parsed.encoding_note == ""


def test_a_windows_1252_file_is_read_as_such_and_the_summary_says_so(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "excel.csv"
    rows = [
        '2024-03-01 07:00:00,"Séance",1h,"Soulevé de terre",1,62.5,8,0,0,"C\u2019était dur",,',
        '2024-03-01 07:00:00,"Séance",1h,"Soulevé de terre",2,67.5,8,0,0,"Genou à plat",,',
    ]
    # Most of the file is plain ASCII: the first accent comes long after the first chunk read.
    filler = [f'2024-02-{day:02} 07:00:00,"Base",1h,"Plank",1,0,0,0,45,,,' for day in range(1, 29)]
    text = "\n".join([STRONG_HEADER, *filler * 60, *rows]) + "\n"
    path.write_bytes(text.encode("cp1252"))
    assert path.stat().st_size > export_file.HEAD_BYTES

    assert run_import(data_dir, path) == 0

    line = capsys.readouterr().out.strip()
    assert line.endswith("; read as Windows-1252: the file is not UTF-8.")
    parsed = read_export(path)
    notes = [s.note for w in parsed.workouts for s in w.sets if s.exercise == "Soulevé de terre"]
    assert notes == ["C\u2019était dur", "Genou à plat"]
    assert parsed.workouts[-1].name == "Séance"


def test_progress_goes_to_standard_error_and_the_summary_stays_alone(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "strong.csv"
    rows = [
        f'2024-{1 + day // 28:02}-{1 + day % 28:02} 07:00:00,"Day {day}",1h,'
        f'"Romanian Deadlift (Barbell)",{number},{60 + number * 2.5:g},8,0,0,,,'
        for day in range(300)
        for number in range(1, 11)
    ]
    path.write_text("\n".join([STRONG_HEADER, *rows]) + "\n", encoding="utf-8")

    import sys

    lines = ProgressLines(sys.stderr, live=False, every=1000)
    assert run_import(data_dir, path, Unit.KG, progress=lines) == 0

    captured = capsys.readouterr()
    assert captured.out.count("\n") == 1
    assert captured.out.startswith("Imported 3,000 sets")
    progress = captured.err.splitlines()
    assert "hinge-desktop: Reading strong.csv: 1,001 of 3,001 lines" in progress
    assert "hinge-desktop: Reading strong.csv: 3,001 of 3,001 lines" in progress
    assert "hinge-desktop: Importing strong.csv: 3,000 of 3,000 sets" in progress
    assert len(progress) >= 6


def test_on_a_terminal_progress_is_one_line_rewritten_and_wiped() -> None:
    stream = io.StringIO()
    lines = ProgressLines(stream, live=True)
    report = lines.step("Reading strong.csv", "lines")

    for done in (0, 500, 501, 1000):
        report(done, 1000)
    lines.end()

    written = stream.getvalue()
    assert "\n" not in written
    assert written.count("\r") == 4, "one rewrite per percent, then the wipe"
    assert "Reading strong.csv: 50% (500 of 1,000 lines)" in written
    assert written.endswith("\r\x1b[K")


def test_a_small_import_prints_no_progress(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(STRONG_HEADER + "\n" + ROW + "\n", encoding="utf-8")

    assert run_import(data_dir, path, Unit.KG) == 0

    assert capsys.readouterr().err == ""


def test_a_utf8_file_with_a_stray_windows_byte_reads_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    rows = (ROW + "\n") * 3000  # the stray byte comes after the first bytes judged
    path.write_bytes(
        b"\xef\xbb\xbf"
        + (STRONG_HEADER + "\n" + rows + ROW.removesuffix(",,,") + ',"it').encode()
        + b'\x92s",,\n'
    )

    parsed = read_export(path)

    assert parsed.encoding is TextEncoding.WINDOWS_1252
    assert parsed.problems == ()
    assert parsed.set_count == 3001
    assert parsed.workouts[0].sets[-1].note == "it\u2019s"
