"""The disk cache: round trip, corruption ignored and rewritten, switched off, keys follow the inputs."""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from snareport import cache, reuse
from tests.tiny_dataset import copy_tiny, set_cell


@pytest.fixture()
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SNAREPORT_CACHE_DIR", str(folder))
    monkeypatch.delenv("SNAREPORT_NO_CACHE", raising=False)
    return folder


def test_round_trip(cache_folder: Path) -> None:
    cache.store("things", "k1", {"a": [1, 2, 3]})
    assert cache.load("things", "k1") == {"a": [1, 2, 3]}
    assert cache.load("things", "missing") is None
    assert (cache_folder / "things" / "k1.pickle").is_file()
    assert not list((cache_folder / "things").glob(".*.part"))  # no temporary file left behind


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_a_damaged_entry_is_ignored_removed_and_rewritten(cache_folder: Path, damage: str) -> None:
    cache.store("things", "k", list(range(100)))
    entry = cache_folder / "things" / "k.pickle"
    blob = bytearray(entry.read_bytes())
    if damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "flip":
        blob[-5] ^= 0xFF
    else:
        blob = bytearray(b"not a cache entry")
    entry.write_bytes(bytes(blob))

    assert cache.load("things", "k") is None
    assert not entry.exists()
    calls = []
    assert cache.cached("things", "k", lambda: calls.append(1) or "fresh") == "fresh"
    assert cache.cached("things", "k", lambda: calls.append(1) or "other") == "fresh"
    assert calls == [1]


def test_least_recently_used_entries_are_pruned_first(cache_folder: Path) -> None:
    import os

    for i, name in enumerate(["old", "used", "new"]):
        cache.store("things", name, b"x" * 1000)
        os.utime(cache_folder / "things" / f"{name}.pickle", ns=(10**9 * (i + 1),) * 2)
    assert cache.load("things", "used") == b"x" * 1000  # a hit makes "used" the most recent
    cache.prune(cache_folder / "things", limit_bytes=2500)
    assert sorted(p.stem for p in (cache_folder / "things").glob("*.pickle")) == ["new", "used"]
    cache.prune(cache_folder / "things", limit_bytes=1500)
    assert [p.stem for p in (cache_folder / "things").glob("*.pickle")] == ["used"]


def test_switched_off(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SNAREPORT_NO_CACHE", "1")
    assert cache.cache_dir() is None
    calls = []
    for _ in range(2):
        cache.cached("things", "k", lambda: calls.append(1) or 7)
    assert calls == [1, 1]
    assert not cache_folder.exists()


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SNAREPORT_CACHE_DIR", raising=False)
    monkeypatch.delenv("SNAREPORT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "snareport"


def test_files_fingerprint_follows_content_not_hidden_files(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.csv").write_text("x\n1\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "b.md").write_text("hello")
    first = cache.files_fingerprint(folder)
    (folder / ".hidden").write_text("ignored")
    assert cache.files_fingerprint(folder) == first
    (folder / "sub" / "b.md").write_text("hellp")
    assert cache.files_fingerprint(folder) != first
    assert cache.files_size(folder) == len("x\n1\n") + len("hellp")


def test_keys_differ_by_parts() -> None:
    assert cache.make_key("report", "a", None) != cache.make_key("report", "a", "Swale")
    assert cache.make_key("x") == cache.make_key("x")


def test_dataset_is_reused_until_a_file_changes(cache_folder: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import snareport.loading as loading

    folder = copy_tiny(tmp_path / "tiny")
    reads = []
    real_load = loading.load
    monkeypatch.setattr(loading, "load", lambda path: reads.append(path) or real_load(path))

    first = reuse.load_dataset_reusing(folder)
    second = reuse.load_dataset_reusing(folder)
    assert len(reads) == 1
    assert second.offences.equals(first.offences)
    assert second.config == first.config
    assert reuse.dataset_fingerprint(second) == reuse.dataset_fingerprint(first) is not None

    set_cell(folder, "offences", 2, "offence_type", first.offences["offence_type"].iloc[1])
    reuse.load_dataset_reusing(folder)
    assert len(reads) == 2


def test_report_is_reused_only_for_datasets_read_from_a_folder(cache_folder: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import snareport.build as build

    folder = copy_tiny(tmp_path / "tiny")
    dataset = reuse.load_dataset_reusing(folder)
    builds = []
    real_build = build.build_report
    monkeypatch.setattr(build, "build_report",
                        lambda ds, district=None: builds.append(district) or real_build(ds, district=district))

    first = reuse.build_report_reusing(dataset)
    again = reuse.build_report_reusing(reuse.load_dataset_reusing(folder))
    assert builds == [None]
    assert again == first

    district = dataset.config.districts[0]
    reuse.build_report_reusing(dataset, district)
    assert builds == [None, district]

    changed = dataclasses.replace(dataset)  # changed in memory: no fingerprint, never reused
    assert reuse.dataset_fingerprint(changed) is None
    reuse.build_report_reusing(changed)
    reuse.build_report_reusing(changed)
    assert builds == [None, district, None, None]

    copied = copy.copy(dataset)  # a shallow copy is the same data until a field or an override is swapped
    assert reuse.dataset_fingerprint(copied) == reuse.dataset_fingerprint(dataset)
    dataset.district_content[district] = copy.copy(dataset.content)
    assert reuse.dataset_fingerprint(dataset) is None
    copied.district_content = {}
    assert reuse.dataset_fingerprint(copied) is None
