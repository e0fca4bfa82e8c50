"""Periods are named pairs on the models (``year_on_year``, ``rolling``, ``two_year``), never positions in a list.

Known answer: with ``two_year: [baseline_year, previous_year]`` in report.yaml, the cost of crime avoided is
counted from 2022/23 to 2023/24 and the page says so (an earlier version printed "2022/23 to 2024/25", the
baseline and the *current* year, because it picked the fifth period of a de-duplicated list).
"""
from __future__ import annotations

import yaml
from pdf_support import page_texts
from tiny_dataset import copy_tiny

import snareport
from snareport.render import render_bytes


def _report(tmp_path, two_year):
    folder = copy_tiny(tmp_path / "data")
    path = folder / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["comparisons"]["two_year"] = two_year
    data["audience"] = "partners"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return snareport.build_report(snareport.load_dataset(folder))


def test_the_models_name_their_pairs(tmp_path):
    report = _report(tmp_path, ["baseline_year", "previous_year"])
    a = report.achievements
    assert (a.year_on_year.earlier.name, a.year_on_year.later.name) == ("previous_year", "current_year")
    assert (a.rolling.earlier.name, a.rolling.later.name) == ("previous_window", "current_window")
    assert (a.two_year.earlier.name, a.two_year.later.name) == ("baseline_year", "previous_year")
    assert a.two_year.label == "2022/23 to 2023/24"
    assert report.knives.year_on_year.label == "2023/24 to 2024/25"
    assert report.geography.rolling.label == "year ending September 2024 to year ending September 2025"


def test_the_savings_sentence_names_the_configured_years(tmp_path):
    report = _report(tmp_path, ["baseline_year", "previous_year"])
    text = " ".join(" ".join(page_texts(render_bytes(report, tagged=False))).split())
    start = text.index("Estimated cost of crime avoided")
    savings = text[start:start + 1500]
    assert "from 2022/23 to 2023/24" in savings
    assert "2022/23 to 2024/25" not in savings
