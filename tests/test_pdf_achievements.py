"""The achievements page prints falls only: a rise goes under "To watch" with its sign, a withheld figure
is left out with a note (never "* → *"), and the cost of crime avoided is net, rounded and sourced."""
from __future__ import annotations

from pdf_support import page_texts, tiny_report

from snareport.models.achievements import CostSaving
from snareport.models.common import Change, LabelledChange, PeriodPair, PeriodRef
from snareport.render import render_bytes

VWI, ROB = "Violence with injury", "Robbery of personal property"


def _achievements_text(**update) -> str:
    report = tiny_report()
    a = report.achievements.model_copy(update=update)
    data = render_bytes(report.model_copy(update={"achievements": a}), tagged=False)
    pages = [t for t in page_texts(data) if "Estimated cost of crime avoided" in t or "To watch" in t]
    return " ".join(" ".join(pages).split())


def _two_year() -> PeriodPair:
    return PeriodPair(earlier=PeriodRef(name="baseline_year", label="2022/23", start="2022-04-01", end="2023-03-31"),
                      later=PeriodRef(name="current_year", label="2024/25", start="2024-04-01", end="2025-03-31"))


def test_a_rise_goes_to_watch_with_its_sign_and_a_withheld_figure_is_left_out():
    text = _achievements_text(knife_enabled=[
        LabelledChange(key="under_18", label="under 18s", change=Change(previous=100, current=80, change_pct=-20.0)),
        LabelledChange(key="age_18_25", label="ages 18–25", change=Change(previous=52, current=55,
                                                                          change_pct=300 / 52)),
    ], admissions=[LabelledChange(key="all_ages", label="all ages",
                                  change=Change(previous=None, current=None, change_pct=None, suppressed=True))],
        savings=[])
    achieved, watch = text.split("To watch", 1)
    assert "\u221220.0%" in achieved and "+5.8%" not in achieved and "5.8%" not in achieved
    assert "+5.8%" in watch
    assert "* \u2192 *" not in text and "Left out because the figures are withheld" in text


def test_savings_are_net_rounded_and_a_rise_is_an_added_cost_to_watch():
    text = _achievements_text(knife_enabled=[], savings=[
        CostSaving(offence_group=VWI, previous=300, current=100, fall=200, unit_cost_gbp=17253.15,
                   saving_gbp=3450630.0),
        CostSaving(offence_group=ROB, previous=10, current=40, fall=-30, unit_cost_gbp=14669.91,
                   saving_gbp=-440097.3),
    ], savings_total_gbp=3010532.7, savings_groups=[VWI, ROB], two_year=_two_year(),
        savings_rounding_gbp=1000, savings_available=True, price_year="2024/25")
    achieved, watch = text.split("To watch", 1)
    assert "\u00a33,451,000" in achieved and "estimated cost of violence with injury avoided, 2022/23 to 2024/25" in achieved
    assert "\u00a33,011,000 at 2024/25 prices, rounded to the nearest \u00a31,000" in achieved
    assert "+\u00a3440,000 estimated cost of robbery of personal property added" in watch
    assert "saving to the criminal justice system" not in text and "harm avoided" in text


def test_nothing_in_either_period_or_a_missing_side_is_left_out_with_a_note_never_a_tile():
    text = _achievements_text(knife_enabled=[
        LabelledChange(key="under_18", label="under 18s", change=Change(previous=100, current=80, change_pct=-20.0)),
    ], admissions=[
        LabelledChange(key="all_ages", label="all ages", change=Change(previous=3.0, current=4.0, change_pct=100 / 3)),
        LabelledChange(key="under_25", label="under 25s", change=Change(previous=0.0, current=0.0, change_pct=None)),
        LabelledChange(key="over_25", label="ages 25 and over",
                       change=Change(previous=None, current=2.0, change_pct=None)),
    ], admissions_available=True, savings=[])
    watch = text.split("To watch", 1)[1]
    assert "0.00 \u2192 0.00" not in text and "not available" not in watch.split("Left out")[0]
    assert "3.00 \u2192 4.00" in watch and "3.00 \u2192 4.00" not in text.split("To watch", 1)[0]
    assert ("Left out because there were none in either period: hospital admissions for assault with a knife "
            "or sharp object (under 25s)") in text
    assert "Left out because the figures are not available: hospital admissions for assault with a knife or " \
           "sharp object (ages 25 and over)" in text
