"""Bundled folders are found in a checkout and, failing that, where a wheel install puts them."""
from __future__ import annotations

import sys

from snareport import resources


def test_checkout_folders_are_found():
    assert (resources.bundled_dir("fonts") / "Lato-Regular.ttf").is_file()
    assert (resources.bundled_dir("layouts") / "kent_medway.yaml").is_file()
    assert (resources.bundled_dir("sample_data") / "report.yaml").is_file()


def test_installed_share_folder_is_used_without_a_checkout(tmp_path, monkeypatch):
    installed = tmp_path / "prefix" / "share" / "snareport" / "layouts"
    installed.mkdir(parents=True)
    monkeypatch.setattr(resources, "_CHECKOUT", tmp_path / "no-checkout")
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    assert resources.bundled_dir("layouts") == installed
