"""Bytes → a file, atomically: a temporary file in the target folder, then a rename.

On any error the temporary file is removed and whatever was at the target before is untouched. The file
keeps the mode of the file it replaces, or else gets the mode a newly created file would get (``0666``
less the umask, e.g. ``0644``) — not the private ``0600`` of a temporary file: a published PDF is meant
to be read by others.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half of one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _file_mode(target))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    return target


def _file_mode(target: Path) -> int:
    """An existing file's mode, else 0o666 less the umask (read by setting and restoring it)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
