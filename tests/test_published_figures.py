"""End to end: build_report(load_dataset("sample_data")) reproduces the figures published in the
2025/26 executive report, and every district variant builds with figures of its own."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# SNAREPORT_SAMPLE_DATA points the test at another generated copy of the sample data.
SAMPLE = Path(os.environ.get("SNAREPORT_SAMPLE_DATA", Path(__file__).resolve().parent.parent / "sample_data"))
pytestmark = pytest.mark.skipif(not (any(SAMPLE.glob("offences.*"))),
                                reason="sample_data tables not generated yet (run sample_data/generate.py)")


@pytest.fixture(scope="module")
def ds():
    import snareport

    return snareport.load_dataset(SAMPLE)


@pytest.fixture(scope="module")
def county(ds):
    from snareport.build import build_report

    return build_report(ds)


def _by_key(items, key):
    return next(i for i in items if getattr(i, "key", None) == key or getattr(i, "label", None) == key
                or getattr(i, "name", None) == key or getattr(i, "district", None) == key
                or getattr(i, "band", None) == key)


def _profile(r, area, role):
    return next(p for p in r.demographics.age_profiles if p.area == area and p.role == role)


def _band(profile, label):
    return next(b for b in profile.bands if b.label == label).share * 100


def _table(r, label):
    return _by_key(r.sexual_violence.table, label).change


# (what, getter on the county Report, published value, decimals compared)
PUBLISHED = [
    ("knife-enabled change, under 18s (%)", lambda r: _by_key(r.achievements.knife_enabled, "under_18").change.change_pct, -22.9, 1),
    ("knife-enabled change, ages 18–25 (%)", lambda r: _by_key(r.achievements.knife_enabled, "age_18_25").change.change_pct, -4.5, 1),
    ("sharp-object admissions a month, all ages, before",
     lambda r: _by_key(r.achievements.admissions, "all_ages").change.previous, 8.83, 2),
    ("sharp-object admissions a month, under 25s, before",
     lambda r: _by_key(r.achievements.admissions, "under_25").change.previous, 2.00, 2),
    ("sharp-object admissions a month, under 25s, after", lambda r: _by_key(r.achievements.admissions, "under_25").change.current, 1.67, 2),
    ("saving, violence with injury (£)",
     lambda r: next(s for s in r.achievements.savings if s.offence_group == "Violence with injury").saving_gbp, 3743933.55, 2),
    ("saving, robbery of personal property (£)",
     lambda r: next(s for s in r.achievements.savings if s.offence_group.startswith("Robbery")).saving_gbp, 1569680.37, 2),
    ("rape 2023/24", lambda r: _table(r, "Rape").previous, 652, 0),
    ("rape 2024/25", lambda r: _table(r, "Rape").current, 630, 0),
    ("rape change (%)", lambda r: _table(r, "Rape").change_pct, -3.4, 1),
    ("sexual assault 2023/24", lambda r: _table(r, "Sexual assault").previous, 1518, 0),
    ("sexual assault 2024/25", lambda r: _table(r, "Sexual assault").current, 1468, 0),
    ("sexual assault change (%)", lambda r: _table(r, "Sexual assault").change_pct, -3.3, 1),
    ("non-contact 2023/24", lambda r: _table(r, "Non-contact").previous, 397, 0),
    ("non-contact 2024/25", lambda r: _table(r, "Non-contact").current, 390, 0),
    ("non-contact change (%)", lambda r: _table(r, "Non-contact").change_pct, -1.8, 1),
    ("knife minimum saving (£)", lambda r: r.knives.minimum_saving_gbp, 576050, 0),
    ("Tonbridge and Malling under-25 volume change (%)",
     lambda r: _by_key(r.geography.districts, "Tonbridge and Malling").volume.change_pct, 10.76, 2),
    ("KCC victims aged 10–17 (%)", lambda r: _band(_profile(r, "Kent County Council", "victim"), "10–17"), 21.1, 1),
    ("Medway victims aged 10–17 (%)", lambda r: _band(_profile(r, "Medway Council", "victim"), "10–17"), 22.1, 1),
    ("KCC suspects aged 18–24 (%)", lambda r: _band(_profile(r, "Kent County Council", "suspect"), "18–24"), 15.1, 1),
    ("Medway suspects aged 10–17 (%)", lambda r: _band(_profile(r, "Medway Council", "suspect"), "10–17"), 23.1, 1),
    ("knife suspects male (%)", lambda r: _by_key(r.knives.suspect_sex, "male").share * 100, 82, 0),
    ("knife victims female (%)", lambda r: r.knives.victim_female_share * 100, 31, 0),
    ("population", lambda r: r.population.population_total, 1855800, 0),
    ("population growth 2011–2021", lambda r: r.population.growth.change, 128200, 0),
    ("population growth 2011–2021 (%)", lambda r: r.population.growth.change_pct, 7.4, 1),
    ("Medway share of population (%)", lambda r: _by_key(r.population.districts, "Medway").share * 100, 15.1, 1),
    ("Maidstone share of population (%)", lambda r: _by_key(r.population.districts, "Maidstone").share * 100, 9.5, 1),
    ("population aged 10–17 (%)", lambda r: _by_key(r.population.age_bands, "10–17").share * 100, 11.8, 1),
    ("population aged 18–24 (%)", lambda r: _by_key(r.population.age_bands, "18–24").share * 100, 7.4, 1),
    ("suspects aged 10–17 (%)", lambda r: _by_key(r.demographics.suspect_vs_population, "10–17").suspect_share * 100, 20.3, 1),
    ("suspects aged 18–24 (%)", lambda r: _by_key(r.demographics.suspect_vs_population, "18–24").suspect_share * 100, 15.1, 1),
    ("high-harm people (%)", lambda r: r.demographics.high_harm.people_share * 100, 1.6, 1),
    ("high-harm share of harm (%)", lambda r: r.demographics.high_harm.harm_share * 100, 20.4, 1),
    ("Thanet under-25 harm change (%)", lambda r: _by_key(r.geography.districts, "Thanet").harm.change_pct, 4.62, 2),
    ("Folkestone and Hythe under-25 harm change (%)",
     lambda r: _by_key(r.geography.districts, "Folkestone and Hythe").harm.change_pct, 38.67, 2),
    ("Tonbridge and Malling under-25 harm change (%)",
     lambda r: _by_key(r.geography.districts, "Tonbridge and Malling").harm.change_pct, 50.84, 2),
    ("sexual violence overall change (%)", lambda r: r.sexual_violence.overall.change_pct, -16, 0),
    ("top sexual offence type share (%)", lambda r: r.sexual_violence.top_types[0].share * 100, 40, 0),
    ("second sexual offence type share (%)", lambda r: r.sexual_violence.top_types[1].share * 100, 17, 0),
    ("third sexual offence type share (%)", lambda r: r.sexual_violence.top_types[2].share * 100, 11, 0),
    ("repeat sexual violence suspects (%)", lambda r: r.sexual_violence.repeat_suspect_share * 100, 15, 0),
]


@pytest.mark.parametrize("what,get,published,decimals", PUBLISHED, ids=[p[0] for p in PUBLISHED])
def test_published_figure(county, what, get, published, decimals):
    assert round(get(county), decimals) == pytest.approx(published, abs=0.5 * 10 ** -decimals + 1e-9)


def test_published_lists(county):
    assert [r.name for r in county.knives.districts_of_concern] == ["Medway", "Thanet", "Canterbury", "Swale", "Maidstone"]
    assert county.geography.volume_rose == ["Tonbridge and Malling"]
    assert county.geography.harm_rose == ["Thanet", "Folkestone and Hythe", "Tonbridge and Malling"]
    assert county.geography.top == ["Medway", "Thanet", "Swale", "Canterbury"]
    assert county.geography.previous_top == ["Medway", "Thanet", "Canterbury", "Swale"]
    assert [t.label for t in county.sexual_violence.top_types] == [
        "Sexual assault on a female", "Rape of a female aged 16+", "Exposure"]
    assert county.sexual_violence.peak_months == [1, 5, 6]
    assert county.sexual_violence.non_contact_peak_suspect_band == "30–40"
    assert (county.sexual_violence.modal_suspect_band, county.sexual_violence.modal_suspect_sex) == ("13–17", "male")
    assert _by_key(county.achievements.admissions, "all_ages").change.current == pytest.approx(67 / 12)  # seed 5.60: unreachable
    assert (county.knives.modal_suspect_sex, county.knives.modal_suspect_age_from,
            county.knives.modal_suspect_age_to) == ("male", 17, 18)
    summaries = {c.cohort: c.summary for c in county.temporal.cohorts}
    assert summaries["under_18"] == "weekdays 3pm–5pm"
    assert summaries["under_25"] == ("weekdays 3pm–5pm, Fridays 5pm–6pm, Fridays 11pm–midnight and "
                                     "Saturday & Sunday midnight–1am")


def test_every_figure_is_a_number_in_the_json(county):
    import json

    text = county.model_dump_json()
    data = json.loads(text)
    assert data["sexual_violence"]["table"][0]["change"]["previous"] == 652


def test_every_district_builds_and_differs_from_the_county(ds, county):
    from snareport.build import build_report

    county_json = county.model_dump_json()
    for district in ds.config.districts:
        r = build_report(ds, district=district)
        assert r.metadata.district == district
        assert r.model_dump_json() != county_json
        assert r.sexual_violence.total.current != county.sexual_violence.total.current
        assert r.geography.focus.district == district and r.geography.focus.rank >= 1
