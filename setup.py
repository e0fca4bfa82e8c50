"""Bundles fonts/, layouts/ and sample_data/ into the built package as ``snareport/_bundled/``.

They stay at the top of the checkout (where people and the tests look for them); a wheel carries a
copy inside the package, found with ``importlib.resources`` wherever the wheel is installed (a virtualenv,
``pip install --user``, a zip). An editable install reads them from the checkout.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("fonts", "layouts", "sample_data")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class build_py_with_bundled_data(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        here = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "snareport" / "_bundled"
        for name in BUNDLED:
            if (here / name).is_dir():
                shutil.copytree(here / name, target / name, ignore=SKIP, dirs_exist_ok=True)


setup(cmdclass={"build_py": build_py_with_bundled_data})
