"""Chart words on realistic and fully withheld data: alt text reads as language and names measure, area,
period and finding; no claim rests on withheld values; numbers are printed as snareport.formatting prints them."""
from __future__ import annotations

import pytest
from chart_inputs import by_district, compared, heat_peaks

from snareport import charts
from snareport import formatting as fmt
from snareport.charts.monthly import monthly_comparison_chart
from snareport.charts.wording import describe, spoken, withheld_sentence

SOURCE = "Source: test records"
MONTHS = ["April", "May", "June", "July", "August", "September", "October", "November", "December", "January",
          "February", "March"]
DISTRICTS = ["Medway", "Maidstone", "Canterbury", "Swale", "Thanet", "Sevenoaks"]


@pytest.fixture(scope="module")
def style() -> charts.ChartStyle:
    s = charts.matplotlib_dejavu_style()
    s.ensure_fonts()
    return s


def letters_ratio(text: str) -> float:
    return sum(ch.isalpha() for ch in text) / len(text)


def realistic(style) -> dict[str, tuple[object, list[str]]]:
    """Each chart function on realistic data → (chart, words its alt text must contain)."""
    grid = [[(d * 5 + h * 3) % 40 + (60 if 15 <= h <= 16 and d < 5 else 0) for h in range(24)] for d in range(7)]
    grid[6][3] = None
    return {
        "age_band_shares": (charts.age_band_shares_chart(
            ["under 10", "10–17", "18–24", "25+"], {"Kent County Council": [6.0, 21.1, 13.0, 59.5],
                                                    "Medway Council": [None, 22.1, 12.5, 60.7]},
            role="victims", area="Kent and Medway", period="2024/25", source=SOURCE, style=style,
            largest={"Kent County Council": "25+", "Medway Council": "25+"}),
            ["Grouped bar chart", "share of victims", "Kent and Medway", "2024/25", "largest share of victims was aged 25+",
             "59.5 per cent", "withheld to protect privacy"]),
        "district_change": (charts.district_change_chart(
            DISTRICTS, *by_district(DISTRICTS, [1450, 640, 780, 735, 900, 190], [1334, 595, 690, 709, 855, 207]),
            measure="volume score, under 25s", area="Kent and Medway", period="Oct 2024 – Sep 2025",
            previous_period="Oct 2023 – Sep 2024", source=SOURCE, style=style),
            ["Horizontal bar chart", "volume score, under 25s", "Kent and Medway", "Oct 2024 – Sep 2025",
             "rose only in Sevenoaks", "Medway was highest at 1,334", "up 8.9 per cent"]),
        "district_highlight": (charts.district_change_chart(
            DISTRICTS, *by_district(DISTRICTS, [1450, 640, 780, 735, 900, 190], [1334, 595, 690, 709, 855, 207]),
            measure="recorded offences", area="Kent and Medway", period="2024/25", previous_period="2023/24",
            source=SOURCE, style=style, highlight="Swale"),
            ["recorded offences", "Swale ranked 3rd of 6 districts", "down 3.5 per cent", "Swale is highlighted, at 709"]),
        "heatmap": (charts.day_hour_heatmap(grid, cohort="under 18s", area="Kent and Medway", period="2024/25",
                                            source=SOURCE, style=style, peaks=heat_peaks(grid)),
                    ["Heat map", "offences involving under 18s", "Kent and Medway", "2024/25", "peaked on",
                     "The busiest hour", "withheld to protect privacy"]),
        "age_distribution": (charts.age_distribution_chart(
            {a: (None if a < 10 else max(6, 120 - abs(a - 18) * 4)) for a in range(0, 60)},
            subject="people involved in knife-enabled offences", area="Kent and Medway", period="2024/25",
            source=SOURCE, style=style, unknown=21, peak_ages=[18], next_ages=[17, 19]),
            ["Bar chart", "people involved in knife-enabled offences", "Kent and Medway", "2024/25",
             "most often aged 18, with 120", "A further 21 had an unknown age",
             "The counts for 10 of the 60 ages are withheld to protect privacy."]),
        "category_change": (charts.category_change_chart(
            ["non-contact", "contact", "penetration", "rape"],
            *compared(["non-contact", "contact", "penetration", "rape"], [397, 1330, 188, 652], [390, 1302, 166, 630],
                      overall=-3.08),
            previous_label="2023/24", current_label="2024/25", measure="sexual violence offences",
            area="Kent and Medway", source=SOURCE, style=style),
            ["Grouped bar chart", "sexual violence offences", "Kent and Medway", "2024/25",
             "fell in every category from 2023/24 to 2024/25, down 3.1 per cent overall", "penetration, down 11.7 per cent (188 to 166)"]),
        "monthly_profile": (charts.monthly_profile_chart(
            [m[:3] for m in MONTHS], [601, 852, 848, 674, 660, 623, 597, 562, 629, 831, 554, 586],
            peak_months=["May", "Jun", "Jan"], measure="sexual violence offences", area="Kent and Medway", period="2022/23 to 2024/25",
            source=SOURCE, style=style),
            ["Bar chart", "sexual violence offences by month", "Kent and Medway", "2022/23 to 2024/25",
             "highest in May, Jun and Jan", "852, 848 and 831"]),
        "monthly_comparison": (monthly_comparison_chart(
            MONTHS, *compared(MONTHS, [1051, 1170, 1179, 1141, 1117, 1053, 1029, 985, 1052, 1069, 947, 1018],
                              [1024, 1142, 1153, 1117, 1094, 1031, 1004, 961, 1031, 1043, 925, 991], add_up=True),
            previous_label="2023/24", current_label="2024/25", measure="recorded offences", area="Swale",
            source=SOURCE, style=style),
            ["Grouped bar chart", "recorded offences by month", "Swale", "2024/25",
             "lower than a year earlier in every month", "per cent overall", "busiest month of 2024/25 was June"]),
        "population": (charts.population_chart(
            DISTRICTS, [280226, 176301, 157743, 152175, 141041, 120627],
            [0.274, 0.172, 0.154, 0.149, 0.138, 0.118], [1, 2, 3, 4, 5, 6], total=1028113, area="Kent and Medway", year="2021",
            source=SOURCE, style=style, highlight="Swale"),
            ["Horizontal bar chart", "population by district", "Kent and Medway", "2021",
             "Medway has the largest population", "Swale, highlighted", "per cent of the total"]),
    }


@pytest.mark.parametrize("name", ["age_band_shares", "district_change", "district_highlight", "heatmap",
                                  "age_distribution", "category_change", "monthly_profile", "monthly_comparison",
                                  "population"])
def test_alt_text_reads_as_language_and_says_what_and_what_it_shows(style, name):
    chart, words = realistic(style)[name]
    alt = chart.alt_text
    assert letters_ratio(alt) >= 0.6, f"{letters_ratio(alt):.2f}: {alt}"
    for word in words:
        assert word in alt, f"{word!r} missing from: {alt}"
    assert "%" not in alt, "per cent is said in words"
    assert fmt.MINUS not in alt, "direction is said in words"
    assert len(alt) < 600, "a description, not a dump of the data table"
    assert alt.endswith(".") and ".." not in alt


def test_data_table_keeps_every_value(style):
    chart, _ = realistic(style)["monthly_comparison"]
    assert len(chart.data_table) == 1 + 12
    assert chart.data_table[1] == ("April", "1,051", "1,024", f"{fmt.MINUS}2.6%")


def withheld_everything(style) -> list:
    nothing = [None] * 4
    return [
        charts.age_band_shares_chart(["under 10", "10–17", "18–24", "25+"], {"Westmoor": [0.0, None, 0.0, None],
                                     "Tiny Shire": [None] * 4}, role="victims", area="Westmoor", period="2024/25",
                                     source=SOURCE, style=style, largest={"Westmoor": None, "Tiny Shire": None}),
        charts.district_change_chart(["Ash", "Bee", "Cee"], *by_district(["Ash", "Bee", "Cee"], [None, 4, None], [None] * 3),
                                     measure="recorded offences",
                                     area="Tiny Shire", period="2024/25", previous_period="2023/24", source=SOURCE,
                                     style=style, highlight="Bee"),
        charts.day_hour_heatmap([[0] * 23 + [None]] + [[0] * 24] * 6, cohort="under 18s", area="Westmoor",
                                period="2024/25", source=SOURCE, style=style),
        charts.age_distribution_chart({17: None, 18: 0, 19: None}, subject="people involved in knife-enabled offences",
                                      area="Westmoor", period="2024/25", source=SOURCE, style=style, unknown=None),
        charts.category_change_chart(["contact", "rape"], *compared(["contact", "rape"], [None, 0], [0, 0]),
                                     previous_label="2023/24",
                                     current_label="2024/25", measure="sexual violence offences", area="Westmoor",
                                     source=SOURCE, style=style),
        charts.monthly_profile_chart(["Jan", "Feb", "Mar", "Apr"], [0, None, 0, None], peak_months=[],
                                     measure="sexual violence offences",
                                     area="Westmoor", period="2022/23 to 2024/25", source=SOURCE, style=style),
        monthly_comparison_chart(["April", "May", "June", "July"],
                                 *compared(["April", "May", "June", "July"], nothing, nothing, add_up=True),
                                 previous_label="2023/24",
                                        current_label="2024/25", measure="recorded offences", area="Westmoor",
                                        source=SOURCE, style=style),
        charts.population_chart(["Ash", "Bee"], [None, None], [None, None], [None, None], total=None, area="Tiny Shire",
                                year="2021", source=SOURCE,
                                style=style, highlight="Bee", height=150),
    ]


CLAIMS = ("largest share", "ranked", "peaked", "most often", "highest", "lowest", "fell", "rose", "lower than",
          "higher than", "no offences", "busiest", "quietest", "same as")


def test_withheld_everything_makes_no_claim_and_says_so(style):
    for chart in withheld_everything(style):
        for words in (chart.title, chart.alt_text):
            assert not any(claim in words.lower() for claim in CLAIMS), words
        assert "withheld to protect privacy" in chart.title, chart.title
        assert "withheld to protect privacy" in chart.alt_text
        assert letters_ratio(chart.alt_text) >= 0.6


def test_all_zero_age_bands_beside_withheld_ones_are_not_called_the_largest(style):
    chart = charts.age_band_shares_chart(["under 10", "10–17", "18–24"], {"Westmoor": [0.0, None, 0.0],
                                         "County": [5.0, 20.0, 75.0]}, role="suspects", area="Westmoor",
                                         period="2024/25", source=SOURCE, style=style,
                                         largest={"Westmoor": None, "County": "18–24"})
    assert chart.title == "The largest share of suspects was aged 18–24 in County"
    assert "The shares for Westmoor are withheld to protect privacy." in chart.alt_text


def test_district_claims_name_only_published_figures(style):
    chart = charts.district_change_chart(["Ash", "Bee", "Cee", "Dee"],
                                         *by_district(["Ash", "Bee", "Cee", "Dee"], [60, 50, 3, 20], [50, 40, None, 10]),
                                         measure="harm score", area="T", period="2025", previous_period="2024",
                                         source=SOURCE, style=style)
    assert chart.title == "Harm score fell in all 3 districts with a published change"
    ranked = charts.district_change_chart(["Ash", "Bee", "Cee", "Dee"],
                                          *by_district(["Ash", "Bee", "Cee", "Dee"], [60, 50, 3, 20], [50, 40, None, 10]),
                                          measure="harm score", area="T", period="2025", previous_period="2024",
                                          source=SOURCE, style=style, highlight="Bee")
    assert ranked.title == "Bee ranked 2nd of the 3 districts with published figures for harm score, down 20.0%"
    assert "Of the published figures, Ash was highest at 50" in ranked.alt_text


def test_monthly_overall_change_only_when_every_month_is_published(style):
    chart = monthly_comparison_chart(["April", "May", "June"],
                                     *compared(["April", "May", "June"], [100, None, 100], [90, 9, 80], add_up=True),
                                            previous_label="A", current_label="B", measure="offences", area="T",
                                            source=SOURCE, style=style)
    assert chart.title == "Offences were lower than a year earlier in all 2 months with published figures"
    assert "overall" not in chart.alt_text


def test_chart_numbers_are_printed_by_formatting(style):
    # 12.25 rounds half up in snareport.formatting ("12.3"); Python's own rounding would give "12.2"
    chart = charts.age_band_shares_chart(["under 18", "18+"], {"Ash": [12.25, 87.75]}, role="victims", area="T",
                                         period="2025", source=SOURCE, style=style, largest={"Ash": "18+"})
    assert chart.data_table[1] == ("under 18", fmt.percent(12.25)) == ("under 18", "12.3%")
    assert "12.3%" in chart.drawing.texts
    assert f"{fmt.number(87.75, 1)} per cent" in chart.alt_text
    falls = charts.district_change_chart(["Ash", "Bee", "Cee"], *by_district(["Ash", "Bee", "Cee"], [2000, 1400, 800],
                                         [1000, 1500, 900]), measure="offences", area="T",
                                         period="2025", previous_period="2024", source=SOURCE, style=style)
    assert f"1,000 ({fmt.percent(-50.0, plus=True)})" in falls.drawing.texts
    assert falls.data_table[2] == ("Ash", "1,000", "2,000", f"{fmt.MINUS}50.0%")
    assert f"The only fall was in Ash ({fmt.direction_word(-50.0).replace('%', ' per cent')})." in falls.alt_text
    assert falls.data_table[1][3] == "+7.1%"


def test_shared_helpers():
    assert spoken(f"{fmt.MINUS}2.9%") == "minus 2.9 per cent"
    assert withheld_sentence([], "districts") == ""
    assert withheld_sentence(["Bee"], "districts") == "The figure for Bee is withheld to protect privacy."
    assert withheld_sentence(list("abcd"), "months", 12, noun="count", nouns="counts") == \
        "The counts for 4 of the 12 months are withheld to protect privacy."
    assert describe("Bar chart", "offences by month", "T", "2025", "they rose 5%", "") == \
        "Bar chart of offences by month, T, 2025. They rose 5 per cent."
