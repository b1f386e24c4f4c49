"""Writing a file so that a reader, or a crash, never sees half of it: the one way the program
writes a file it hands to someone (exports, reports, settings, letters, backups)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data` in one step: a temporary file beside it, synced, renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_text_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """`write_atomically` for text."""
    write_atomically(path, text.encode(encoding))


def write_through(path: Path, save: Callable[[Path], None], suffix: str = ".tmp") -> None:
    """`write_atomically` for a writer that wants a file name of its own (a GeoPackage, a
    SQLite copy): `save` writes a temporary file beside `path`, which then replaces `path`.

    `suffix` ends the temporary name, for writers that choose the format by it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(path, suffix)
    tmp.unlink(missing_ok=True)
    try:
        save(tmp)
        replace_durably(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def partial_path(path: Path, suffix: str = ".tmp") -> Path:
    """The hidden name beside `path` a file is written under before it replaces `path`."""
    return path.with_name(f".{path.name}.part{suffix}")


def replace_durably(finished: Path, path: Path) -> None:
    """Sync a finished file written by someone else (Qt, SQLite, GDAL) and rename it to `path`,
    the rename itself synced too."""
    with finished.open("rb+") as written:
        os.fsync(written.fileno())
    os.replace(finished, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def safe_name(text: str) -> str:
    """A file-name part from a reference: letters, digits, '-' and '_' only."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text) or "_"
