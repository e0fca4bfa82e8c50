"""Open data fills the recorded offences section: volumes by district, month and offence group year on year,
equal to a plain count of the imported rows, printed in the PDF with nothing unmeasured shown as 0."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import snareport
from snareport import formatting as fmt
from snareport.opendata import import_files

EXCERPT = Path(__file__).parent / "data" / "policeuk"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("policeuk_recorded") / "data"
    import_files([EXCERPT], out)
    rows = pd.read_csv(out / "offences.csv", dtype=str)
    return snareport.load_dataset(out), rows


def _plain_counts(rows: pd.DataFrame, months: list[str], by: str | None = None):
    picked = rows[rows["occurred_at"].isin(months)]
    return len(picked) if by is None else picked[by].value_counts()


PREVIOUS = ["2024-01", "2024-02", "2024-03", "2024-04"]
CURRENT = ["2025-01", "2025-02", "2025-03", "2025-04"]


def test_volumes_equal_a_plain_count_of_the_imported_rows(imported):
    ds, rows = imported
    section = snareport.build_report(ds).recorded_offences
    assert section.available and [p.label for p in section.periods] == ["January to April 2024", "January to April 2025"]
    assert (section.total.previous, section.total.current) == (_plain_counts(rows, PREVIOUS), _plain_counts(rows, CURRENT))
    before, after = _plain_counts(rows, PREVIOUS, "district"), _plain_counts(rows, CURRENT, "district")
    for d in section.districts:  # withheld counts (1–5, public audience) are None, the rest are exact
        if d.volume.previous is not None:
            assert d.volume.previous == before.get(d.district, 0), d.district
        if d.volume.current is not None:
            assert d.volume.current == after.get(d.district, 0), d.district
    groups = _plain_counts(rows, CURRENT, "offence_group")
    assert {g.group: g.volume.current for g in section.groups} == groups.to_dict()
    for month, m in zip(CURRENT, section.months):
        assert m.current_month.isoformat()[:7] == month
        assert m.volume.current == _plain_counts(rows, [month])
    assert section.harm is not None and section.harm.current > 0


def test_district_report_puts_the_county_and_its_rank_beside_it(imported):
    ds, rows = imported
    section = snareport.build_report(ds, "Medway").recorded_offences
    medway = rows[rows["district"] == "Medway"]
    assert section.total.current == _plain_counts(medway, CURRENT)
    assert section.focus_volume.county_value == _plain_counts(rows, CURRENT)
    # ranked among the districts whose volume is published (a withheld volume has no place in a ranking)
    published = {d.district: d.volume.current for d in section.districts if d.volume.current is not None}
    assert section.focus_volume.rank == 1 + sum(v > published["Medway"] for v in published.values())
    assert section.focus_volume.rank_of == len(published)


def test_open_data_pdf_shows_district_volumes_and_the_year_on_year_change(imported, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    ds, _ = imported
    report = snareport.build_report(ds)
    section = report.recorded_offences
    # untagged: this test is about what the pages say; the tagging layer has its own tests
    path = snareport.render_pdf(report, tmp_path / "open.pdf", tagged=False)
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())
    assert "Recorded offences, year on year" in text
    total = section.total
    # the headline names the police.uk categories it counts and says they are broader than serious violence
    assert (f"{total.current} crimes in police.uk's violence and sexual offences, robbery and possession of "
            "weapons categories in Kent and Medway, January to April 2025") in text
    assert "broader than the Serious Violence Duty's definition" in text
    assert f"{fmt.change_words(total)} on January to April 2024 ({total.previous})" in text
    medway = next(d for d in section.districts if d.district == "Medway")
    row = (re.escape(f"Medway {fmt.count(medway.volume.previous)} {fmt.count(medway.volume.current)} "
                      f"{fmt.change_pct(medway.volume, plus=True)}") + "†? " + str(medway.volume_rank))
    assert re.search(row, text), row   # † marks a change within the range expected by chance
    assert "Offences by district, January to April 2024 compared with January to April 2025" in text
    assert "not available from this source: not available" not in text.lower()
    assert not re.search(r"(?<![\d.,])(?<!0 )0(\.0)?\s?%", text)   # a measured zero count may show "0 0.0%"
