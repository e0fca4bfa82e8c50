"""Bundled folders are found in a checkout, inside an installed package, and inside a zip archive;
a wheel installed elsewhere builds the bundled sample from an unrelated folder."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from snareport import resources

ROOT = Path(__file__).resolve().parent.parent


def test_checkout_folders_are_found():
    assert (resources.bundled_dir("fonts") / "Lato-Regular.ttf").is_file()
    assert (resources.bundled_dir("layouts") / "kent_medway.yaml").is_file()
    assert (resources.bundled_dir("sample_data") / "report.yaml").is_file()


def test_unknown_folder_is_refused():
    with pytest.raises(ValueError, match="fonts, layouts, sample_data"):
        resources.bundled_dir("secrets")


def test_folders_inside_a_zipped_package_are_extracted(tmp_path):
    """A package imported from a zip archive: the bundled folder is copied out to a real folder."""
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("snareport/__init__.py", "")
        z.writestr("snareport/resources.py", (ROOT / "snareport" / "resources.py").read_text())
        z.writestr("snareport/_bundled/layouts/plain.yaml", "name: Plain\n")
    code = ("import snareport.resources as r; p = r.bundled_dir('layouts'); "
            "print(p.is_dir(), (p / 'plain.yaml').read_text().strip(), 'pkg.zip' in str(p))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(archive)}, cwd=tmp_path)
    assert done.stdout.split() == ["True", "name:", "Plain", "False"], done.stderr


@pytest.mark.slow
def test_a_wheel_installed_elsewhere_builds_the_sample_from_an_empty_folder(tmp_path):
    """Build the wheel, install it (no dependencies: this interpreter has them) into a target folder as
    `pip install --user`/`--prefix` would, and build the bundled sample from an unrelated folder."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the git checkout to copy the source from")
    source = tmp_path / "src"
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True,
                            check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels, target, empty = tmp_path / "wheels", tmp_path / "site", tmp_path / "empty"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(source)], check=True,
                   capture_output=True, timeout=600)
    wheel = next(wheels.glob("snareport-*.whl"))
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True,
                   capture_output=True, timeout=600)
    empty.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import snareport; print(snareport.__file__)"], env=env, cwd=empty,
                           capture_output=True, text=True, check=True)
    assert where.stdout.strip().startswith(str(target)), "the installed copy, not the checkout, is imported"
    done = subprocess.run([sys.executable, "-m", "snareport", "build", "-o", "x.pdf", "-q"], env=env, cwd=empty,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (empty / "x.pdf").read_bytes()[:5] == b"%PDF-"
