"""The one atomic file write: a failure leaves the old file whole and nothing beside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ops.files import write_atomically, write_text_atomically, write_through


def _disk_full(fd: int) -> None:
    raise OSError(28, "No space left on device")


def test_a_write_replaces_the_file_and_leaves_nothing_beside(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "report.csv"
    write_text_atomically(path, "old")
    write_text_atomically(path, "mới", encoding="utf-8-sig")
    assert path.read_bytes() == "mới".encode("utf-8-sig")
    assert [p.name for p in path.parent.iterdir()] == ["report.csv"]


def test_a_failed_write_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.toml"
    write_atomically(path, b"old = 1\n")
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(path, b"new = 2\n")
    assert path.read_bytes() == b"old = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]


def test_a_failing_writer_through_a_file_name_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "network.gpkg"
    write_atomically(path, b"old")
    seen: list[Path] = []

    def half_then_fail(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"half")
        raise RuntimeError("driver failed")

    with pytest.raises(RuntimeError, match="driver failed"):
        write_through(path, half_then_fail, suffix=".gpkg")
    assert seen[0].parent == tmp_path and seen[0].name.endswith(".gpkg")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["network.gpkg"]
    write_through(path, lambda tmp: tmp.write_bytes(b"new"), suffix=".gpkg")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["network.gpkg"]
