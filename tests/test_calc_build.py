"""build_report on tiny hand-built data: scope checks, metadata, data summary, partial sources."""
from __future__ import annotations

import json

import pytest
from calc_fixtures import dataset, offences, people

from snareport.build import build_report
from snareport.errors import DataError

VWI = "Violence with injury"


def _data(**kw):
    off = offences([
        ("c1", "2024-05-01 10:00", "A", VWI, "GBH", True, None),
        ("c2", "2024-06-01 10:00", "C", VWI, "GBH", False, "rape"),
        ("p1", "2023-06-01 10:00", "A", VWI, "GBH", False, None),
    ])
    ppl = people([("c1", "x", "victim", 16, "male"), ("c2", "y", "suspect", 30, "male")])
    return dataset(off, ppl, **kw)


def test_unknown_district_names_it_and_lists_valid_ones():
    with pytest.raises(DataError) as err:
        build_report(_data(), district="Atlantis")
    assert "'Atlantis'" in str(err.value) and "A, B, C" in str(err.value)


def test_district_metadata_and_data_summary():
    r = build_report(_data(), district="A")
    assert (r.metadata.scope_label, r.metadata.district, r.metadata.authority) == ("A", "A", "North Council")
    rows = {t.table: (t.rows, t.total_rows) for t in r.data.tables}
    assert rows["offences"] == (2, 3) and rows["people"] == (1, 2)
    assert [p.name for p in r.periods][:2] == ["baseline_year", "earliest_window"]
    assert r.methodology and r.disclosure.applied is False


def test_county_report_json_round_trips_with_numbers():
    r = build_report(_data())
    data = json.loads(r.model_dump_json())
    assert data["metadata"]["scope_label"] == "Testshire"
    assert data["sexual_violence"]["total"]["current"] == 1


def test_partial_source_marks_sections_unavailable_instead_of_zeros():
    ds = _data(available=frozenset({"offences"}))
    ds.people = None
    r = build_report(ds)
    for section in (r.demographics, r.temporal, r.knives, r.sexual_violence, r.geography, r.population):
        assert section.available is False and "not available from this source" in section.unavailable_reason
    assert r.achievements.available and r.achievements.fallen_groups == [] and r.achievements.knife_enabled == []


def test_reports_made_only_to_be_audited_carry_no_words_and_change_nothing_published(monkeypatch):
    """A county build audits every district's report with the county's, but publishes only the county: the
    district reports are made without their content (disclosure reads figures only), and the county is the
    same as in a batch where every report has its words."""
    from tiny_dataset import TINY

    import snareport.disclosure as disclosure
    from snareport import load_dataset
    from snareport.build import build_reports
    from snareport.calculators.prepare import prepare

    prep = prepare(load_dataset(TINY))
    audited: list[dict] = []
    real = disclosure.disclose

    def spy(batch, *args, **kwargs):
        audited.append(batch)
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(disclosure, "disclose", spy)
    county = build_reports(prep, [None])[None]
    everything = build_reports(prep)
    assert [scope for scope, report in audited[0].items() if report.content is not None] == [None]
    assert all(report.content is not None for report in audited[1].values())
    assert len(audited[0]) == len(audited[1]) == 1 + len(prep.config.districts)
    assert county == everything[None] and county.content is not None
