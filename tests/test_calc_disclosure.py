"""Disclosure control (public audience): small counts and what is built on them are withheld."""
from __future__ import annotations

from calc_fixtures import admissions, config, dataset, offences, people

from snareport.build import build_report

VWI = "Violence with injury"


def _data(audience: str):
    rows, ppl = [], []
    for i in range(8):           # previous year: 8 knife offences with an under-18 in A
        rows.append((f"p{i}", "2023-05-01 10:00", "A", VWI, "GBH", True, None))
        ppl.append((f"p{i}", f"x{i}", "victim", 15, "male"))
    for i in range(3):           # current year: 3 (small: withheld in public)
        rows.append((f"c{i}", "2024-05-01 10:00", "A", VWI, "GBH", True, None))
        ppl.append((f"c{i}", f"y{i}", "victim", 15, "male"))
    adm = admissions([("2023-10", "0-24", "sharp object", 24, "A"), ("2024-10", "0-24", "sharp object", 6, "A")])
    return dataset(offences(rows), people(ppl), cfg=config(audience=audience), hospital_admissions=adm)


def test_public_report_withholds_small_counts_and_their_change():
    r = build_report(_data("public"))
    u18 = {c.key: c.change for c in r.achievements.knife_enabled}["under_18"]
    assert (u18.previous, u18.current, u18.change_pct, u18.suppressed) == (8, None, None, True)
    assert r.disclosure.applied and r.disclosure.suppressed_values > 0


def test_hospital_admissions_use_hes_rule():
    r = build_report(_data("public"))
    under = {a.key: a.change for a in r.achievements.admissions}["under_25"]
    assert under.previous == 2.0          # 24 admissions: shown
    assert under.current is None and under.suppressed   # 6 admissions (1–7): withheld


def test_secondary_suppression_in_age_profile():
    r = build_report(_data("public"))
    victims = next(p for p in r.demographics.age_profiles if p.area == "North Council" and p.role == "victim")
    # 3 victims, all aged 10–17: the count is withheld, the zeros stay, and no share of a group of 3 is printed
    assert [b.count for b in victims.bands] == [0, None, 0, 0]
    assert [b.share for b in victims.bands] == [None] * 4 and victims.total is None


def test_partners_report_is_not_suppressed():
    r = build_report(_data("partners"))
    u18 = {c.key: c.change for c in r.achievements.knife_enabled}["under_18"]
    assert (u18.current, u18.suppressed) == (3, False) and not r.disclosure.applied


def test_secondary_suppression_hides_next_smallest():
    """A table with its total and one small count: the next smallest count is withheld with it."""
    from snareport.disclosure.catalogue import Catalogue
    from snareport.disclosure.solve import solve

    cat = Catalogue(5)
    for label, n in [("total", 20), ("a", 10), ("b", 3), ("c", 7), ("d", 0)]:
        cat.cell(("t", label), n, "", ("t", label))
    cat.relate(("t", "total"), [("t", k) for k in "abcd"])
    cat.finish()
    result = solve(cat)
    assert result.primary == {("t", "b")}
    assert result.secondary == {("t", "c")}
