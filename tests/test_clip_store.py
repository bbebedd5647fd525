"""The filmed sets in the data folder: listed newest first, kept ones safe from the cap, the
oldest others removed past it, and nothing half-written ever listed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from hinge_desktop.storage.clip_store import ClipError, ClipStore, clip_name


def _clip(store: ClipStore, drill: str, when: datetime, size: int) -> Path:
    partial, final = store.recording_paths(drill, when)
    partial.write_bytes(b"v" * size)
    return store.finish(partial, final).path


def test_clips_are_named_by_time_and_drill_and_listed_newest_first(tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 10_000)
    _clip(store, "kettlebell-deadlift", datetime(2026, 12, 1, 9, 0, 0), 10)
    _clip(store, "wall-hinge-check", datetime(2026, 12, 3, 18, 30, 5), 20)
    clips = store.clips()
    assert [c.drill_id for c in clips] == ["wall-hinge-check", "kettlebell-deadlift"]
    assert clips[0].name == "20261203-183005--wall-hinge-check.mp4"
    assert clips[0].recorded == datetime(2026, 12, 3, 18, 30, 5)
    assert clips[0].size == 20
    assert store.total() == 30
    assert clip_name("dowel-hinge", datetime(2026, 1, 2, 3, 4, 5)) == (
        "20260102-030405--dowel-hinge.mp4"
    )


def test_a_clip_being_recorded_or_left_unfinished_is_never_listed(tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 10_000)
    partial, _final = store.recording_paths("dowel-hinge", datetime(2026, 12, 1, 9, 0))
    partial.write_bytes(b"half")
    (store.folder / "notes.txt").write_text("mine")
    (store.folder / "holiday.mp4").write_bytes(b"not ours")
    assert partial.name.startswith(".")
    assert store.clips() == []
    store.discard_unfinished()
    assert not partial.exists()
    assert (store.folder / "notes.txt").exists()
    assert (store.folder / "holiday.mp4").exists()


def test_two_clips_in_the_same_second_do_not_overwrite_each_other(tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 10_000)
    when = datetime(2026, 12, 1, 9, 0)
    first = _clip(store, "dowel-hinge", when, 5)
    second = _clip(store, "dowel-hinge", when, 6)
    assert first != second
    assert first.read_bytes() == b"v" * 5
    assert len(store.clips()) == 2


def test_past_the_cap_the_oldest_clips_not_kept_go_and_kept_ones_stay(tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 250)
    a = _clip(store, "a", datetime(2026, 12, 1, 9), 100)
    b = _clip(store, "b", datetime(2026, 12, 2, 9), 100)
    kept = store.set_kept(next(c for c in store.clips() if c.path == a), True)
    assert kept.kept
    assert kept.path.parent == store.kept_folder
    _clip(store, "c", datetime(2026, 12, 3, 9), 100)
    new = _clip(store, "d", datetime(2026, 12, 4, 9), 100)
    spare = next(c for c in store.clips() if c.path == new)
    removed = store.make_room(spare=spare)
    assert [c.drill_id for c in removed] == ["b", "c"]
    assert not b.exists()
    assert sorted(c.drill_id for c in store.clips()) == ["a", "d"]
    assert store.total() <= 250


def test_a_new_clip_is_never_removed_to_make_room_for_itself(tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 50)
    new = _clip(store, "a", datetime(2026, 12, 1, 9), 100)
    clip = store.clips()[0]
    assert store.make_room(spare=clip) == []
    assert new.exists()


def test_kept_clips_filling_the_cap_stop_recording(tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 150)
    _clip(store, "a", datetime(2026, 12, 1, 9), 100)
    assert not store.kept_fill_cap()
    store.set_kept(store.clips()[0], True)
    _clip(store, "b", datetime(2026, 12, 2, 9), 60)
    store.set_kept(next(c for c in store.clips() if c.drill_id == "b"), True)
    assert store.kept_fill_cap()
    let_go = store.set_kept(next(c for c in store.clips() if c.drill_id == "b"), False)
    assert not let_go.kept
    assert let_go.path.parent == store.folder
    assert not store.kept_fill_cap()


def test_deleting_a_clip_removes_its_file(tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 1000)
    path = _clip(store, "a", datetime(2026, 12, 1, 9), 10)
    store.delete(store.clips()[0])
    assert not path.exists()
    assert store.clips() == []


def test_a_file_in_the_way_of_the_folder_gets_a_message_naming_it(tmp_path: Path) -> None:
    (tmp_path / "clips").write_text("a file, not a folder")
    store = ClipStore(tmp_path / "clips", 1000)
    with pytest.raises(ClipError, match=r"clips folder .*clips"):
        store.recording_paths("a", datetime(2026, 12, 1, 9))
    assert store.clips() == []
