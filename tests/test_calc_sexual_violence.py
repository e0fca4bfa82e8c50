"""Known answers for calculators/sexual_violence.py on tiny hand-built data."""
from __future__ import annotations

import pytest
from calc_fixtures import dataset, offences, people

from snareport.calculators import sexual_violence
from snareport.calculators.prepare import prepare
from snareport.scope import Scope

SO, RAPE = "Other sexual offences", "Rape"


def _data(cfg=None):
    off = offences([
        ("b1", "2022-06-10 10:00", "A", SO, "Exposure", False, "non-contact"),          # baseline
        ("b2", "2022-06-11 10:00", "A", SO, "Exposure", False, "non-contact"),
        ("p1", "2023-06-10 10:00", "A", RAPE, "Rape of a female", False, "rape"),       # previous
        ("p2", "2024-01-10 10:00", "B", SO, "Sexual assault", False, "contact"),
        ("c1", "2024-06-10 10:00", "B", RAPE, "Rape of a female", False, "rape"),       # current
        ("c2", "2024-06-11 10:00", "B", SO, "Sexual assault", False, "contact"),
        ("c3", "2025-01-11 10:00", "A", SO, "Sexual assault", False, "penetration"),
        ("c4", "2025-01-12 10:00", "C", SO, "Exposure", False, "non-contact"),
        ("x1", "2024-07-01 10:00", "A", "Violence with injury", "GBH", False, None),    # not sexual
    ])
    ppl = people([
        ("p1", "s1", "suspect", 15, "male"), ("c1", "s1", "suspect", 16, "male"),       # s1 repeats
        ("c2", "s2", "suspect", 35, "male"), ("c3", "s3", "suspect", 16, "female"),
        ("c4", "s4", "suspect", 35, "male"), ("c4", "v4", "victim", 20, "female"),
    ])
    return dataset(off, ppl, cfg=cfg)


def test_categories_table_and_overall():
    s = sexual_violence.calculate(prepare(_data()), Scope())
    cats = {c.key: (c.change.previous, c.change.current) for c in s.categories}
    assert cats == {"non-contact": (0, 1), "contact": (1, 1), "penetration": (0, 1), "rape": (1, 1)}
    table = {r.label: r.change for r in s.table}
    assert (table["Sexual assault"].previous, table["Sexual assault"].current) == (1, 2)
    assert table["Sexual assault"].change_pct == pytest.approx(100.0)
    assert table["Non-contact"].change_pct is None
    assert (s.overall.previous, s.overall.current, s.overall.change_pct) == (2, 4, pytest.approx(100.0))


def test_top_types_and_months():
    s = sexual_violence.calculate(prepare(_data()), Scope())
    assert [(t.label, t.count) for t in s.top_types] == [("Exposure", 3), ("Sexual assault", 3), ("Rape of a female", 2)]
    assert s.top_types[0].share == pytest.approx(3 / 8)
    months = {m.month: m.count for m in s.month_profile}
    assert (months[6], months[1], months[7]) == (5, 3, 0)
    assert s.peak_months == [1, 6]      # only months with offences can peak


def test_suspects_modal_and_repeat_share():
    s = sexual_violence.calculate(prepare(_data()), Scope())
    assert s.modal_suspect_sex == "male"
    assert s.modal_suspect_band in {"13–17", "25+"}              # 2 each; ties → first by label
    assert s.modal_suspect_band == "13–17"
    assert s.non_contact_peak_suspect_band == "25+"
    assert (s.distinct_suspects, s.repeat_suspects) == (4, 1)
    assert s.repeat_suspect_share == pytest.approx(0.25)


def test_highest_districts_and_district_scope():
    s = sexual_violence.calculate(prepare(_data()), Scope("B"))
    rape = next(c for c in s.highest_districts if c.category == "rape")
    assert [(r.name, r.value, r.rank) for r in rape.districts][:1] == [("B", 1, 1)]
    assert {c.key: c.change.current for c in s.categories}["contact"] == 1
    assert s.total.current == 2 and s.distinct_suspects == 2


def test_without_sexual_category_unavailable():
    ds = _data()
    ds.available = frozenset({"offences", "people"})
    s = sexual_violence.calculate(prepare(ds), Scope())
    assert s.available is False and s.categories == []


def test_without_three_financial_years_uses_year_on_year():
    from calc_fixtures import config

    ds = _data()
    ds.config = config(comparisons={"year_on_year": ["previous_year", "current_year"],
                                    "two_year": ["baseline_year", "current_year"],
                                    "rolling": ["previous_window", "current_window"]})
    s = sexual_violence.calculate(prepare(ds), Scope())
    assert s.three_year_total == 6 and s.notes


def test_district_scope_has_the_whole_area_beside_it():
    s = sexual_violence.calculate(prepare(_data()), Scope("B"))
    # the whole area, year on year: p1, p2 in 2023/24; c1–c4 in 2024/25; s1 of 4 current suspects repeats
    assert (s.area_total.previous, s.area_total.current) == (2, 4)
    assert (s.area_repeat_suspects, s.area_repeat_suspect_share) == (1, pytest.approx(0.25))
    whole = sexual_violence.calculate(prepare(_data()), Scope())
    assert whole.area_total is None and whole.area_repeat_suspect_share is None


def test_a_districts_repeat_suspects_count_their_offences_anywhere_in_the_area():
    # s1's first offence (p1) was in A, the second (c1) in B: in B's report s1 is a repeat suspect
    s = sexual_violence.calculate(prepare(_data()), Scope("B"))
    assert (s.distinct_suspects, s.repeat_suspects, s.repeat_suspect_share) == (2, 1, pytest.approx(0.5))


def test_table_rows_top_types_and_peak_months_come_from_report_yaml():
    from calc_fixtures import config

    ds = _data(config(definitions={"sexual_violence_table": {"Contact": ["contact", "penetration"],
                                                              "Other": ["rape", "non-contact"]},
                                    "top_offence_types": 1, "peak_months": 1}))
    s = sexual_violence.calculate(prepare(ds), Scope())
    assert [(r.label, r.change.previous, r.change.current) for r in s.table] == [("Contact", 1, 2), ("Other", 1, 2)]
    assert len(s.top_types) == 1 and len(s.peak_months) == 1


def test_district_scope_has_the_areas_table_top_types_and_peak_months_beside_its_own():
    s = sexual_violence.calculate(prepare(_data()), Scope("B"))
    whole = sexual_violence.calculate(prepare(_data()), Scope())
    # B over the three years: p2 and c2 sexual assault, c1 rape of a female; the area has 3 and 2 of 8
    assert [(t.label, t.count) for t in s.top_types] == [("Sexual assault", 2), ("Rape of a female", 1)]
    assert [(t.label, t.count) for t in s.area_top_types] == [("Sexual assault", 3), ("Rape of a female", 2)]
    assert [t.share for t in s.area_top_types] == pytest.approx([3 / 8, 2 / 8])
    assert s.area_table == whole.table and s.area_peak_months == whole.peak_months == [1, 6]
    assert whole.area_table == [] and whole.area_top_types == [] and whole.area_peak_months == []


def test_highest_districts_have_rates_per_1000_residents_and_are_named_from_report_yaml():
    """Current year: rape B 1; contact B 1; penetration A 1; non-contact C 1. Residents: A 2,000, B 500, C 4,000."""
    from calc_fixtures import config, population

    data = _data()
    pop = population([("A", "25+", 2021, 2000), ("B", "25+", 2021, 500), ("C", "0-9", 2021, 4000)])
    s = sexual_violence.calculate(prepare(dataset(data.offences, data.people, population=pop)), Scope())
    contact = next(c for c in s.highest_districts if c.category == "contact")
    assert [(r.name, r.value, r.rate_per_1000, r.rate_rank) for r in contact.districts] == [
        ("B", 1, 2.0, 1), ("A", 0, 0.0, 2), ("C", 0, 0.0, 3)]   # rate ties: by count, then name
    assert contact.highest == ["B", "A", "C"] and s.population_year == 2021
    one = dataset(data.offences, data.people, population=pop, cfg=config(definitions={"sexual_violence_districts": 1}))
    assert [c.highest for c in sexual_violence.calculate(prepare(one), Scope()).highest_districts] == [
        ["C"], ["B"], ["A"], ["B"]]
    no_population = sexual_violence.calculate(prepare(_data()), Scope())
    assert no_population.population_year is None
    assert all(r.rate_per_1000 is None for c in no_population.highest_districts for r in c.districts)
