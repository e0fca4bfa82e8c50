"""Bytes → files, atomically, and only where a file belongs: the one module that replaces output files.

A target is checked before any work is done (:func:`check_target`): only a regular file or a new path is ever
written — never a folder, a device node, a FIFO or a socket, never a read-only file. Each file is written to a
temporary file in its folder and renamed over the target, so readers see the old file or the new one, never half
of one. Several outputs of one build are replaced together or not at all (:func:`write_together`). A new file
gets the mode any new file would get (``0666`` less the umask, e.g. ``0644``): a published PDF is meant to be
read by others; a file being replaced keeps its mode.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from snareport.errors import OutputError

_KINDS = ((stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"), (stat.S_ISFIFO, "FIFO (named pipe)"),
          (stat.S_ISSOCK, "socket"))


def check_target(path: str | Path) -> Path:
    """``path`` if a file may be written there, else an OutputError saying why (nothing is touched)."""
    target = Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        _check_folder(target.parent, target)
        return target
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target} is a folder: name a file in it, or end the path with '/' to write into it")
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise OutputError(f"{target} is a {kind}, not a regular file: refusing to replace it")
    if not info.st_mode & 0o222:
        raise OutputError(f"{target} is read-only: refusing to replace it (make it writable, or write elsewhere)")
    _check_folder(target.parent, target)
    return target


def _check_folder(folder: Path, target: Path) -> None:
    """The nearest existing ancestor of ``folder`` must be a writable folder (missing ones are made later)."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise OutputError(f"{target}: {probe} is not a folder")
    if probe.exists() and not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: the folder {probe} is not writable")


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half of one."""
    return write_together([(Path(path), data)])[0]


def atomic_write_text(path: str | Path, text: str) -> Path:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def write_together(files: Sequence[tuple[str | Path, bytes]]) -> list[Path]:
    """Write every ``(path, bytes)`` or none: all are checked and written to temporary files first; only then is
    each renamed over its target. Should a rename fail, the targets already replaced get their old files back."""
    targets = [check_target(path) for path, _ in files]
    if len({os.path.abspath(t) for t in targets}) != len(targets):
        raise OutputError("two outputs of one build name the same file: " + ", ".join(map(str, targets)))
    staged: list[tuple[Path, str]] = []
    try:
        for target, (_, data) in zip(targets, files):
            staged.append((target, _stage(target, data)))
        _replace_all(staged)
    except BaseException:
        for _, tmp in staged:
            _unlink(tmp)
        raise
    return targets


def _stage(target: Path, data: bytes) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _file_mode(target))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(tmp_name)
        raise
    return tmp_name


def _replace_all(staged: list[tuple[Path, str]]) -> None:
    """Rename each staged file over its target; on a failure, put back what was replaced so far."""
    backups: list[tuple[Path, str | None]] = []
    try:
        for target, tmp in staged:
            backup = None
            if target.exists() and len(staged) > 1:
                backup = f"{tmp}.old"
                os.link(target, backup)
            os.replace(tmp, target)
            backups.append((target, backup))
    except BaseException:
        for target, backup in reversed(backups):
            if backup is not None:
                os.replace(backup, target)
            else:
                _unlink(target)
        raise
    finally:
        for _, backup in backups:
            if backup is not None:
                _unlink(backup)


def _unlink(path: str | Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _file_mode(target: Path) -> int:
    """An existing file's mode, else 0o666 less the umask (read by setting and restoring it)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
