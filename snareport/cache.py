"""Key × Python value → a pickle on disk, so repeated builds skip work whose inputs have not changed.

Entries live under ``$SNAREPORT_CACHE_DIR``, else ``$XDG_CACHE_HOME/snareport``, else
``~/.cache/snareport``; ``SNAREPORT_NO_CACHE=1`` turns the cache off. Every key includes a fingerprint
of this package's source and the versions of the libraries that shape the values, so editing the code
never reuses an old entry. Entries are written atomically and carry a checksum: an entry that cannot be
read back (truncated, corrupted, from another version of Python) is ignored, removed and rebuilt.
Each namespace (datasets, reports, charts) keeps at most ``SNAREPORT_CACHE_MB`` megabytes (256 by
default), dropping the least recently used entries first. The cache only saves time; it never changes
what is produced.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_MAGIC = b"snareport-cache-1\n"
_DIGEST = 32  # sha256 bytes
DEFAULT_LIMIT_MB = 256
_LIBRARIES = ("numpy", "pandas", "pyarrow", "matplotlib", "reportlab", "pydantic", "yaml", "pikepdf")


def cache_dir() -> Path | None:
    """The folder the cache uses, or None when ``SNAREPORT_NO_CACHE`` is set to a true value."""
    if os.environ.get("SNAREPORT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no"):
        return None
    explicit = os.environ.get("SNAREPORT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "snareport"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 of this package's Python source and the versions of the libraries its outputs depend on."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={_library_stamp(name)}".encode())
    return digest.hexdigest()


def _library_stamp(module: str) -> str:
    """Where a library is installed and when its top module was written (changes with every install)."""
    spec = importlib.util.find_spec(module)
    origin = getattr(spec, "origin", None)
    if not origin:
        return ""
    stat = os.stat(origin)
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


def files_fingerprint(folder: Path) -> str:
    """sha256 of every file under ``folder`` (names and bytes; hidden files and folders skipped)."""
    digest = hashlib.sha256()
    for path in sorted(_visible_files(folder)):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def files_size(folder: Path) -> int:
    """Total bytes of the files :func:`files_fingerprint` reads."""
    return sum(path.stat().st_size for path in _visible_files(folder))


def _visible_files(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in files:
            if not name.startswith("."):
                yield Path(root) / name


def make_key(*parts: object) -> str:
    """A cache key from the code fingerprint and ``parts`` (their ``repr``)."""
    return hashlib.sha256(repr((code_fingerprint(), *parts)).encode()).hexdigest()


def load(namespace: str, key: str) -> Any | None:
    """The value stored under ``key``, or None if absent, disabled or unreadable (then it is removed)."""
    path = _entry(namespace, key)
    if path is None:
        return None
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    payload = blob[head + _DIGEST:]
    if blob[:head] == _MAGIC and blob[head:head + _DIGEST] == hashlib.sha256(payload).digest():
        try:
            value = pickle.loads(payload)
        except Exception:  # noqa: BLE001 — any unreadable entry is rebuilt
            pass
        else:
            _touch(path)  # recently used entries are the last to be pruned
            return value
    path.unlink(missing_ok=True)
    return None


def store(namespace: str, key: str, value: Any) -> None:
    """Keep ``value`` under ``key`` (atomically); a cache that cannot be written is silently skipped."""
    path = _entry(namespace, key)
    if path is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        prune(path.parent)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return


def prune(folder: Path, limit_bytes: int | None = None) -> None:
    """Remove the least recently used entries of one namespace until it holds at most ``limit_bytes``
    (default ``SNAREPORT_CACHE_MB`` megabytes per namespace, else 256)."""
    if limit_bytes is None:
        limit_bytes = int(float(os.environ.get("SNAREPORT_CACHE_MB") or DEFAULT_LIMIT_MB) * 1024 * 1024)
    entries = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".pickle"):
            try:
                stat = entry.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime_ns, stat.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit_bytes:
            break
        Path(path).unlink(missing_ok=True)
        total -= size


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def cached(namespace: str, key: str, compute: Callable[[], T]) -> T:
    """The stored value for ``key``, else ``compute()`` (stored for next time)."""
    value = load(namespace, key)
    if value is None:
        value = compute()
        store(namespace, key, value)
    return value


def _entry(namespace: str, key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / namespace / f"{key}.pickle"
