"""Every chart and every table of figures prints its own source (report.yaml ``sources``): population from the
census, admissions from Hospital Episode Statistics, offences from the police — never one line for all."""
from __future__ import annotations

from pathlib import Path

import pytest

import snareport
from snareport.layout.builder import BlockBuilder
from snareport.render import render_bytes

SAMPLE = Path(__file__).parent.parent / "sample_data"
NOT_FIGURES = {"Periods compared"}      # the report's own settings, not figures from a source


@pytest.fixture(scope="module")
def sample():
    if not (SAMPLE / "offences.parquet").exists():
        pytest.skip("the sample dataset has not been generated")
    return snareport.load_dataset(SAMPLE)


def _tables_and_sources(report, monkeypatch) -> list[tuple[str, str | None]]:
    """(caption, source) of every table the layout asks for while the report is rendered."""
    seen: list[tuple[str, str | None]] = []
    table, annex_table = BlockBuilder.table, BlockBuilder.annex_table

    def recorded_table(self, header, rows, *args, caption: str = "", source: str | None = None, **kw):
        seen.append((caption, source))
        return table(self, header, rows, *args, caption=caption, source=source, **kw)

    def recorded_annex(self, header, rows, caption, *args, source: str | None = None, **kw):
        seen.append((caption, source))
        return annex_table(self, header, rows, caption, *args, source=source, **kw)

    monkeypatch.setattr(BlockBuilder, "table", recorded_table)
    monkeypatch.setattr(BlockBuilder, "annex_table", recorded_annex)
    render_bytes(report, tagged=False)
    return [(c, s) for c, s in seen if c and c not in NOT_FIGURES]


@pytest.mark.parametrize("district", [None, "Swale"])
def test_every_table_of_figures_names_its_own_source(sample, monkeypatch, district):
    tables = _tables_and_sources(snareport.build_report(sample, district=district), monkeypatch)
    assert len(tables) >= 10
    assert [c for c, s in tables if not (s and s.startswith("Source: "))] == []
    sources = dict(tables)
    population = next(s for c, s in tables if c.startswith("Population by age band"))
    assert "ONS Census" in population and "Kent Police" not in population
    offences = next(s for c, s in tables if c.startswith("Offences by group"))
    assert "Kent Police recorded crime" in offences and "Census" not in offences
    assert "Cambridge Crime Harm Index" in next(s for c, s in sources.items() if c.startswith("Volume and harm"))
