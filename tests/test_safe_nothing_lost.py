"""Nothing lost: a failure at any stage (data, calculation, layout, disk full, read-only folder) leaves the
previous PDF untouched and no temporary files; the CLI exits 1 (bad input) or 2 (usage) with one readable
message and no traceback."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from tiny_dataset import copy_tiny

import snareport.atomic
from snareport.atomic import atomic_write_bytes
from snareport.cli import main

OLD = b"%PDF-1.7 the previous report\n"


@pytest.fixture
def setup(tmp_path):
    data = copy_tiny(tmp_path / "data")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sna.pdf").write_bytes(OLD)
    return data, out


def _run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.err


def _assert_untouched(out: Path) -> None:
    assert (out / "sna.pdf").read_bytes() == OLD
    assert sorted(p.name for p in out.iterdir()) == ["sna.pdf"], "temporary files left behind"


def _one_readable_line(err: str) -> None:
    assert "Traceback" not in err
    assert err.strip(), "no message"


def test_bad_data_keeps_the_previous_pdf(setup, capsys):
    data, out = setup
    (data / "population.csv").unlink()
    code, err = _run(capsys, "build", str(data), "-o", str(out / "sna.pdf"))
    assert code == 1 and "population" in err
    _one_readable_line(err)
    _assert_untouched(out)


def test_calculation_failure_keeps_the_previous_pdf(setup, capsys, monkeypatch):
    import snareport.build

    data, out = setup

    def broken(*_a, **_k):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(snareport.build.knives, "calculate", broken)
    code, err = _run(capsys, "build", str(data), "-o", str(out / "sna.pdf"))
    assert code == 1 and len(err.strip().splitlines()) == 1
    _one_readable_line(err)
    _assert_untouched(out)


def test_layout_failure_keeps_the_previous_pdf(setup, capsys, monkeypatch):
    import snareport.layout.story

    data, out = setup

    def broken(*_a, **_k):
        raise ValueError("Flowable too large")

    monkeypatch.setattr(snareport.layout.story, "build_story", broken)
    code, err = _run(capsys, "build", str(data), "-o", str(out / "sna.pdf"))
    assert code == 1 and "Flowable too large" in err
    _one_readable_line(err)
    _assert_untouched(out)


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_disk_full_keeps_the_previous_file_and_leaves_no_temporary(tmp_path, monkeypatch, fail_at):
    (tmp_path / "sna.pdf").write_bytes(OLD)

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if fail_at == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, _data):
                full()

            def __getattr__(self, name):
                return getattr(self.handle, name)

        monkeypatch.setattr(snareport.atomic.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(snareport.atomic.os, fail_at, full)
    with pytest.raises(OSError) as caught:
        atomic_write_bytes(tmp_path / "sna.pdf", b"%PDF new")
    assert caught.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert (tmp_path / "sna.pdf").read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sna.pdf"]


def test_disk_full_through_the_cli_is_one_line_exit_1(setup, capsys, monkeypatch):
    data, out = setup

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(snareport.atomic.os, "fsync", full)
    code, err = _run(capsys, "build", str(data), "-o", str(out / "sna.pdf"))
    assert code == 1 and "No space left" in err
    _one_readable_line(err)
    _assert_untouched(out)


def test_read_only_output_folder(setup, capsys, monkeypatch):
    data, out = setup
    if os.geteuid() == 0:  # root ignores folder permissions: stand in for the refusal the OS would give
        def refuse(*_a, **_k):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(snareport.atomic.tempfile, "mkstemp", refuse)
    else:
        out.chmod(0o555)
    try:
        code, err = _run(capsys, "build", str(data), "-o", str(out / "sna.pdf"))
    finally:
        out.chmod(0o755)
    assert code == 1 and "Permission denied" in err
    _one_readable_line(err)
    _assert_untouched(out)


def test_new_pdf_gets_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = atomic_write_bytes(tmp_path / "a.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o640)
    atomic_write_bytes(path, b"%PDF again")
    assert path.stat().st_mode & 0o777 == 0o640


def test_unknown_district_is_a_usage_error(setup, capsys):
    data, out = setup
    code, err = _run(capsys, "build", str(data), "-o", str(out / "sna.pdf"), "--district", "Atlantis")
    assert code == 2 and "Atlantis" in err
    _one_readable_line(err)
    _assert_untouched(out)


def test_bad_audience_is_a_usage_error(setup, capsys):
    data, out = setup
    code, err = _run(capsys, "build", str(data), "-o", str(out / "sna.pdf"), "--audience", "everyone")
    assert code == 2
    _assert_untouched(out)
