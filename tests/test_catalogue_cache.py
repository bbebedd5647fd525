"""The built-in catalogue read through its cache in the data folder: the same catalogue as from
the files, no TOML parsed once the cache is kept, and a cache that is stale, damaged or cannot
be written never changes what Hinge shows."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from hinge_desktop.domain.catalogue import builtin_catalogue, builtin_folder
from hinge_desktop.storage import catalogue_cache
from hinge_desktop.storage.catalogue_cache import cache_key, cached_builtin_catalogue


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The drill files parsed as TOML, by name, from now on."""
    names: list[str] = []
    read_toml = catalogue_cache.read_toml

    def counted(item: Any, file: str) -> dict[str, Any]:
        names.append(item.name)
        return read_toml(item, file)

    monkeypatch.setattr(catalogue_cache, "read_toml", counted)
    return names


def drill_files() -> int:
    return sum(1 for item in builtin_folder().iterdir() if item.name.endswith(".toml"))


def test_the_first_start_keeps_the_parsed_files_and_the_next_parses_none(
    tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "catalogue-cache.json"
    first = cached_builtin_catalogue(cache)
    assert len(parsed) == drill_files()
    assert cache.is_file()
    parsed.clear()
    again = cached_builtin_catalogue(cache)
    assert parsed == []
    assert again == first == builtin_catalogue()
    assert [drill.id for drill in again.drills] == [drill.id for drill in first.drills]
    assert again.notes == first.notes
    assert not list(tmp_path.glob(".catalogue-*"))  # no temporary file left behind


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: "", id="empty"),
        pytest.param(lambda text: text[: len(text) // 2], id="cut short"),
        pytest.param(lambda text: "\x00\xff not json", id="not JSON"),
        pytest.param(lambda text: json.dumps([1, 2, 3]), id="not an object"),
    ],
)
def test_a_damaged_cache_is_read_from_the_files_and_written_anew(
    tmp_path: Path, parsed: list[str], damage: Any
) -> None:
    cache = tmp_path / "catalogue-cache.json"
    cached_builtin_catalogue(cache)
    cache.write_text(damage(cache.read_text(encoding="utf-8")), encoding="utf-8")
    parsed.clear()
    assert cached_builtin_catalogue(cache) == builtin_catalogue()
    assert len(parsed) == drill_files()
    parsed.clear()
    cached_builtin_catalogue(cache)
    assert parsed == []  # kept again, whole


def test_a_cache_whose_documents_were_changed_cannot_change_the_drills(
    tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "catalogue-cache.json"
    cached_builtin_catalogue(cache)
    kept = json.loads(cache.read_text(encoding="utf-8"))
    name = next(name for name in kept["documents"] if not name.startswith("_"))
    kept["documents"][name] = {"id": "not-a-drill"}  # the key still matches the files
    cache.write_text(json.dumps(kept), encoding="utf-8")
    assert cached_builtin_catalogue(cache) == builtin_catalogue()


def test_a_cache_for_other_files_or_another_version_is_not_used(
    tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "catalogue-cache.json"
    cached_builtin_catalogue(cache)
    kept = json.loads(cache.read_text(encoding="utf-8"))
    kept["key"][1] = "0.0.1"  # written by another version of Hinge
    cache.write_text(json.dumps(kept), encoding="utf-8")
    parsed.clear()
    assert cached_builtin_catalogue(cache) == builtin_catalogue()
    assert len(parsed) == drill_files()
    assert json.loads(cache.read_text(encoding="utf-8"))["key"] == cache_key(builtin_folder())


def test_the_key_changes_when_a_drill_file_is_edited_added_or_removed(tmp_path: Path) -> None:
    folder = tmp_path / "drills"
    shutil.copytree(Path(str(builtin_folder())), folder)
    before = cache_key(folder)
    edited = folder / "glute-bridge.toml"
    stat = edited.stat()
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same time, another size
    assert cache_key(folder) != before
    after_edit = cache_key(folder)
    (folder / "new-drill.toml").write_text("", encoding="utf-8")
    assert cache_key(folder) != after_edit
    (folder / "new-drill.toml").unlink()
    assert cache_key(folder) == after_edit
    (folder / "README.md").write_text("other files do not count", encoding="utf-8")
    assert cache_key(folder) == after_edit


def test_a_cache_that_cannot_be_written_is_not_kept_and_the_catalogue_is_read_all_the_same(
    tmp_path: Path, parsed: list[str]
) -> None:
    missing = tmp_path / "not-made-yet" / "catalogue-cache.json"
    assert cached_builtin_catalogue(missing) == builtin_catalogue()
    assert not missing.parent.exists()  # the cache makes no data folder
    in_a_file = tmp_path / "a-file"
    in_a_file.write_text("", encoding="utf-8")
    assert cached_builtin_catalogue(in_a_file / "catalogue-cache.json") == builtin_catalogue()
