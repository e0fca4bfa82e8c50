"""Chart functions on tiny hand-built data: titles, alt text, suppression, fonts, and one PDF of all charts."""
from __future__ import annotations

import io

import pytest
from chart_inputs import by_district, compared, heat_peaks
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate, Spacer

from snareport import charts
from snareport.charts.ops import PathOp, TextOp
from snareport.charts.wording import MINUS

SOURCE = "Source: test records"


@pytest.fixture(scope="module")
def style() -> charts.ChartStyle:
    s = charts.matplotlib_dejavu_style()
    s.ensure_fonts()
    return s


def _only_given_fonts(chart, style) -> None:
    assert chart.drawing.font_names <= {style.font_name, style.bold_font_name}
    assert all(isinstance(op, (PathOp, TextOp)) for op in chart.drawing.operations)


def _district(style, current, previous, **kw):
    return charts.district_change_chart(["Ash", "Bee", "Cee"], *by_district(["Ash", "Bee", "Cee"], previous, current),
                                        measure="under-25 volume score",
                                        area="Testshire", period="2025", previous_period="2024",
                                        source=SOURCE, style=style, **kw)


def test_age_band_shares(style):
    chart = charts.age_band_shares_chart(["under 10", "10–17", "25+"], {"North": [6.0, 21.1, 59.5], "South": [4.5, None, 60.7]},
                                         role="victims", area="Testshire", period="2025", source=SOURCE, style=style,
                                         largest={"North": "25+", "South": "25+"})
    told = charts.age_band_shares_chart(["a", "b"], {"North": [60.0, 40.0]}, role="victims", area="Testshire",
                                        period="2025", source=SOURCE, style=style, largest={"North": "b"})
    assert told.title == "The largest share of victims was aged b in North"   # the model's band, not the chart's pick
    _only_given_fonts(chart, style)
    assert chart.title == "The largest share of victims was aged 25+ in both areas"
    assert "59.5 per cent in North and 60.7 per cent in South" in chart.alt_text
    assert "The share for South aged 10–17 is withheld to protect privacy." in chart.alt_text
    texts = chart.drawing.texts
    assert "21.1%" in texts and "withheld" in texts and "North" in texts
    assert chart.data_table[0] == ("Age band", "North", "South")
    assert chart.data_table[2] == ("10–17", "21.1%", "withheld")


@pytest.mark.parametrize(
    "current, previous, title",
    [
        ([90, 50, 10], [100, 60, 20], "Under-25 volume score fell in every district"),
        ([110, 70, 30], [100, 60, 20], "Under-25 volume score rose in every district"),
        ([110, 50, 10, ], [100, 60, 20], "Under-25 volume score rose only in Ash"),
    ],
)
def test_district_titles_state_direction(style, current, previous, title):
    assert _district(style, current, previous).title == title


def test_district_highlight_rank_and_change(style):
    chart = _district(style, [50, 80, 10], [100, 80, 20], highlight="Ash", reference=("District average", 46.7))
    assert chart.title == "Ash ranked 2nd of 3 districts for under-25 volume score, down 50.0%"
    assert f"50 ({MINUS}50.0%)" in chart.drawing.texts
    assert "80 (0.0%)" in chart.drawing.texts
    assert "Ash is highlighted" in chart.alt_text and "district average, 46.7" not in chart.alt_text
    assert "district average, 47" in chart.alt_text
    _only_given_fonts(chart, style)
    bold = [op for op in chart.drawing.operations if isinstance(op, TextOp) and op.font_name == style.bold_font_name]
    assert {op.text for op in bold} == {"Ash", f"50 ({MINUS}50.0%)"}


def test_district_no_previous_and_suppressed(style):
    chart = _district(style, [50, None, 10], [0, 5, 0])
    assert "no earlier figure" not in chart.title
    assert chart.drawing.texts.count("withheld") == 1
    assert "The figure for Bee is withheld to protect privacy." in chart.alt_text
    assert chart.data_table[-1] == ("Bee", "withheld", "5", "")
    assert "Of the published figures, Ash was highest at 50 and Cee lowest at 10." in chart.alt_text


def test_heatmap_is_vector_cells_with_peaks_labelled(style):
    grid = [[0] * 24 for _ in range(7)]
    grid[4][15] = 40
    grid[5][22] = 30
    grid[0][3] = None
    chart = charts.day_hour_heatmap(grid, cohort="under 18s", area="Testshire", period="2025", source=SOURCE, style=style,
                                    peaks=heat_peaks(grid), total=70)
    assert chart.title == "Offences involving under 18s peaked on Fridays at 15:00–16:00"
    assert ("The busiest hour had 40 offences; the other hours with at least three quarters as many were on "
            "Saturdays from 10pm to 11pm.") in chart.alt_text
    assert "The count for Monday from 3am is withheld to protect privacy and hatched grey." in chart.alt_text
    assert "40" in chart.drawing.texts and "30" in chart.drawing.texts
    cells = [op for op in chart.drawing.operations if isinstance(op, PathOp) and " re " not in op.operators[:4]]
    assert len(cells) >= 7 * 24 - 1
    assert chart.data_table[1][4] == "withheld"
    _only_given_fonts(chart, style)


def test_heatmap_words_come_from_the_model_never_from_its_own_sums(style):
    """The title and alt text name the peak cells and total they are given (the model's), not the grid's."""
    grid = [[0] * 24 for _ in range(7)]
    grid[4][15] = 40
    chart = charts.day_hour_heatmap(grid, cohort="under 18s", area="Testshire", period="2025", source=SOURCE,
                                    style=style, peaks=[(12, 5, 22)], total=99)
    assert chart.title == "Offences involving under 18s peaked on Saturdays at 22:00–23:00"
    assert "The busiest hour had 12 offences" in chart.alt_text and "99 offences in all" in chart.alt_text
    quiet = charts.day_hour_heatmap([[0] * 24] * 7, cohort="under 18s", area="Testshire", period="2025",
                                    source=SOURCE, style=style, peaks=[], total=0)
    assert quiet.title == "No offences involving under 18s to show by day and hour"
    grid[0][0] = None    # peaks the disclosure step left unnamed (a peak line at or under the threshold)
    withheld = charts.day_hour_heatmap(grid, cohort="under 18s", area="Testshire", period="2025", source=SOURCE,
                                       style=style, peaks=[], total=None)
    assert withheld.title == "The peak times of offences involving under 18s are withheld to protect privacy"


def test_heatmap_ramp_steps_differ_from_their_neighbours_by_3_to_1(style):
    from snareport.charts.style import distinct_steps
    from snareport.theme import contrast_ratio

    ramp = style.ramp
    assert len(ramp) == 3 and ramp == ("#ADD1F1", "#2073BC", "#092135")   # afcharts' blues 1, 3 and 5
    assert all(contrast_ratio(a, b) >= 3.0 for a, b in zip(ramp, ramp[1:]))
    # five steps cannot all differ by 3:1 (3^4 = 81 > 21:1, the widest contrast there is)
    assert distinct_steps(("#FFFFFF", "#CCCCCC", "#999999", "#666666", "#000000")) == ("#CCCCCC", "#666666", "#000000")


def test_heatmap_in_four_hour_bands(style):
    grid = [[0] * 6 for _ in range(7)]
    grid[4][3] = 40                      # Friday 12:00–16:00
    grid[0][1] = None
    chart = charts.day_hour_heatmap(grid, band_hours=4, cohort="under 18s", area="Testshire", period="2025",
                                    source=SOURCE, style=style, peaks=heat_peaks(grid, band_hours=4))
    assert chart.title == "Offences involving under 18s peaked on Fridays at 12:00–16:00"
    assert "by day and 4-hour band" in chart.subtitle
    assert "12\u201316" in chart.drawing.texts and "Offences per 4 hours" in chart.drawing.texts
    assert "The busiest 4-hour band had 40 offences" in chart.alt_text
    assert "Monday from 4am" in chart.alt_text
    assert chart.data_table[0][4] == "12:00\u201316:00"
    with pytest.raises(ValueError):
        charts.day_hour_heatmap([[1] * 24] * 7, band_hours=4, cohort="x", area="a", period="p", source=SOURCE,
                                style=style)


def test_heatmap_rejects_wrong_shape(style):
    with pytest.raises(ValueError):
        charts.day_hour_heatmap([[1] * 23] * 7, cohort="x", area="a", period="p", source=SOURCE, style=style)


def test_age_distribution(style):
    chart = charts.age_distribution_chart({14: 3, 17: 9, 19: None, 20: 4}, subject="people involved in knife-enabled offences",
                                          area="Testshire", period="2025", source=SOURCE, style=style, unknown=2,
                                          peak_ages=[17], next_ages=[20, 14])
    assert chart.title == "People involved in knife-enabled offences were most often aged 17"
    assert "most often aged 17, with 9 at that age. The next most common ages were 20 (4) and 14 (3)." in chart.alt_text
    assert "A further 2 had an unknown age." in chart.alt_text
    assert "The count for age 19 is withheld to protect privacy." in chart.alt_text
    assert ("19", "withheld") in chart.data_table and ("Unknown", "2") in chart.data_table
    assert "9 aged 17" in chart.drawing.texts
    # the ages it names are the model's: the chart picks none itself
    told = charts.age_distribution_chart({14: 3, 17: 9}, subject="people", area="Testshire", period="2025",
                                         source=SOURCE, style=style, peak_ages=[14], next_ages=[])
    assert told.title == "People were most often aged 14" and "with 3 at that age" in told.alt_text


@pytest.mark.parametrize(
    "previous, current, overall, title",
    [
        ([652, 1518, 397], [630, 1468, 390], -3.08,
         "Sexual violence offences fell in every category from 2023/24 to 2024/25, down 3.1% overall"),
        ([600, 1400, 300], [630, 1468, 390], 8.17,
         "Sexual violence offences rose in every category from 2023/24 to 2024/25, up 8.2% overall"),
        ([600, 1518, 397], [630, 1468, 390], -1.07,
         "Rape rose from 2023/24 to 2024/25; sexual violence offences down 1.1% overall"),
    ],
)
def test_category_titles(style, previous, current, overall, title):
    chart = charts.category_change_chart(["Rape", "Sexual assault", "Non-contact"],
                                         *compared(["Rape", "Sexual assault", "Non-contact"], previous, current,
                                                   overall=overall),
                                         previous_label="2023/24", current_label="2024/25",
                                         measure="sexual violence offences", area="Testshire", source=SOURCE, style=style)
    assert chart.title == title
    assert f"{current[1]:,}" in chart.drawing.texts


def test_category_suppressed_not_plotted(style):
    chart = charts.category_change_chart(["Rape", "Other"], *compared(["Rape", "Other"], [None, 10], [3, 12]),
                                         previous_label="A", current_label="B",
                                         measure="offences", area="T", source=SOURCE, style=style)
    assert "withheld" in chart.drawing.texts and "3" in chart.drawing.texts
    assert chart.title == "Offences rose in the one category with a published change from A to B"
    assert "The counts for Rape are withheld to protect privacy." in chart.alt_text


def test_monthly_profile_labels_peaks(style):
    months = ["April", "May", "June", "July"]
    chart = charts.monthly_profile_chart(months, [5, 9, None, 7], peak_months=["May", "July"],
                                         measure="sexual violence offences", area="T",
                                         period="2025", source=SOURCE, style=style)
    assert chart.title == "Sexual violence offences were highest in May and July, 2025"
    assert "highest in May and July, 2025, with 9 and 7 respectively" in chart.alt_text
    assert "The count for June is withheld to protect privacy." in chart.alt_text
    bold = {op.text for op in chart.drawing.operations if isinstance(op, TextOp) and op.font_name == style.bold_font_name}
    assert bold == {"9", "7"}


def test_population_shares(style):
    model = (["A", "B", "C"], [300, 100, 600], [0.3, 0.1, 0.6], [2, 3, 1])
    chart = charts.population_chart(*model, total=1000, area="Testshire", year="2021", source=SOURCE, style=style)
    assert chart.title == "C has the largest population, 60.0% of the total"
    assert "600 (60.0%)" in chart.drawing.texts and "100 (10.0%)" in chart.drawing.texts
    assert "of 1,000" in chart.alt_text and [r[0] for r in chart.data_table[1:]] == ["C", "A", "B"]
    variant = charts.population_chart(*model, total=1000, area="Testshire", year="2021", source=SOURCE,
                                      style=style, highlight="A")
    assert variant.title == "A is home to 30.0% of Testshire's population"
    # the shares, ranks and total are the model's: the chart neither adds up nor ranks for itself
    told = charts.population_chart(["A", "B"], [300, 100], [0.25, 0.125], [1, 2], total=1200, area="Testshire",
                                   year="2021", source=SOURCE, style=style)
    assert told.title == "A has the largest population, 25.0% of the total" and "of 1,200" in told.alt_text


def test_same_data_records_the_same_drawing_afresh(style):
    first = _district(style, [1, 2, 3], [3, 2, 1])
    second = _district(style, [1, 2, 3], [3, 2, 1])
    assert first.drawing is not second.drawing  # no cache: every chart is drawn from its data
    assert first.drawing == second.drawing
    assert _district(style, [1, 2, 4], [3, 2, 1]).drawing != first.drawing


def all_charts(style) -> list:
    grid = [[(d * 3 + h) % 17 for h in range(24)] for d in range(7)]
    return [
        charts.age_band_shares_chart(["under 10", "10–17", "18–24", "25+"], {"Kent County Council": [6.0, 21.1, 13.0, 59.5],
                                     "Medway": [4.5, 22.1, 12.5, 60.7]}, role="victims", area="Kent and Medway",
                                     largest={"Kent County Council": "25+", "Medway": "25+"},
                                     period="2024/25", source=SOURCE, style=style, height=200),
        _district(style, [50, 80, 10], [100, 80, 20], highlight="Bee"),
        charts.day_hour_heatmap(grid, cohort="under 25s", area="Testshire", period="2025", source=SOURCE, style=style,
                                peaks=heat_peaks(grid),
                                height=190),
        charts.age_distribution_chart({12: 2, 15: 8, 17: 11, 21: 6}, subject="people involved in knife-enabled offences",
                                      area="Testshire", period="2025", source=SOURCE, style=style, height=150,
                                      peak_ages=[17], next_ages=[15, 21]),
    ], [
        charts.category_change_chart(["Rape", "Sexual assault", "Non-contact"],
                                     *compared(["Rape", "Sexual assault", "Non-contact"], [652, 1518, 397], [630, 1468, 390]),
                                     previous_label="2023/24", current_label="2024/25", measure="sexual violence offences",
                                     area="Testshire", source=SOURCE, style=style, height=200),
        charts.monthly_profile_chart(["April", "May", "June", "July", "August", "September", "October", "November",
                                      "December", "January", "February", "March"],
                                     [61, 64, 65, 72, 63, 60, 70, 62, 56, 59, 58, 69], peak_months=["July", "October", "March"],
                                     measure="sexual violence offences",
                                     area="Testshire", period="2022/23 to 2024/25", source=SOURCE, style=style, height=190),
        charts.population_chart(["Ash", "Bee", "Cee", "Dee"], [281700, 176200, 157400, 151700],
                                [0.367, 0.230, 0.205, 0.198], [1, 2, 3, 4], total=767000, area="Testshire",
                                year="2021", source=SOURCE, style=style),
    ]


def test_all_charts_pdf_is_vector_with_embedded_font_and_extractable_labels(style, tmp_path):
    first, second = all_charts(style)
    story = []
    for chart in first + second:
        story += [chart, Spacer(1, 10)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1, initialFontName=style.font_name, topMargin=30, bottomMargin=30).build(story)
    (tmp_path / "charts.pdf").write_bytes(buffer.getvalue())
    reader = PdfReader(buffer)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for label in ("Kent County Council", "21.1%", "Bee", "Hour of day", "1,468", "Jul", "281,700 (36.7%)"):
        assert label in text
    for page in reader.pages:
        resources = page["/Resources"]
        xobjects = resources.get("/XObject") or {}
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
        for font in resources["/Font"].values():
            font = font.get_object()
            assert "/FontDescriptor" in font or "/DescendantFonts" in font, f"unembedded font {font['/BaseFont']}"
            descriptor = (font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]).get_object()
            assert "/FontFile2" in descriptor


def test_district_rates_are_ordered_and_named_by_the_models_rate_ranks(style):
    from snareport.charts.rates import district_rate_chart

    chart = district_rate_chart(["Ash", "Bee", "Cee"], [4.25, 9.5, None], [2, 1, None], measure="recorded crimes",
                                area="Testshire", period="2025", population_year=2021, source=SOURCE, style=style)
    assert chart.title == "Bee had the highest rate, 9.5 recorded crimes per 1,000 residents"
    assert "Ash had the lowest, 4.3" in chart.alt_text and "withheld" in chart.alt_text
    assert [r[0] for r in chart.data_table[1:]] == ["Bee", "Ash", "Cee"]


def test_no_chart_reads_the_data_limits_its_axes_skip(style, monkeypatch):
    """ChartAxes skips matplotlib's data-limit updates: every chart sets both its limits, so each draws
    exactly what it draws on plain matplotlib Axes (which keep the data limits)."""
    from matplotlib.axes import Axes

    from snareport.charts.chart_builder import ChartAxes

    lean = [c.drawing for group in all_charts(style) for c in group]
    lean.append(_district(style, [50, None, 10], [100, 80, None]).drawing)   # withheld bars are patches too
    monkeypatch.setattr(ChartAxes, "_update_patch_limits", Axes._update_patch_limits)
    full = [c.drawing for group in all_charts(style) for c in group]
    full.append(_district(style, [50, None, 10], [100, 80, None]).drawing)
    assert lean == full


def test_chart_axes_draw_what_matplotlib_axes_draw(style, monkeypatch):
    """ChartAxes' x and y axes make ticks only when a chart sets or draws them and draw every tick with
    one: each chart (category and value axes, tick labels upright and across, an axis label, axes off)
    draws exactly what it draws with matplotlib's own XAxis and YAxis."""
    from matplotlib.axes import Axes

    from snareport.charts.chart_axes import ChartAxes, ChartXAxis
    from snareport.charts.monthly import monthly_comparison_chart

    months = ["April", "May", "June", "July", "August", "September", "October", "November", "December",
              "January", "February", "March"]

    def drawings() -> list:
        made = [c for group in all_charts(style) for c in group]
        made.append(monthly_comparison_chart(months, *compared(months, list(range(60, 72)), list(range(72, 60, -1))),
                                             previous_label="2023/24", current_label="2024/25",
                                             measure="recorded offences", area="Testshire", source=SOURCE,
                                             style=style))
        return [c.drawing for c in made]

    made_axes = []
    monkeypatch.setattr(ChartXAxis, "draw", lambda self, renderer, draw=ChartXAxis.draw: (made_axes.append(self),
                                                                                          draw(self, renderer))[1])
    lean = drawings()
    assert made_axes, "the charts drew no ChartXAxis"
    monkeypatch.setattr(ChartAxes, "_init_axis", Axes._init_axis)
    full = drawings()
    assert {"Apr", "Mar", "Age at the time of the offence (years)", "Hour of day (24-hour clock)"} <= {
        text for drawing in full for text in drawing.texts}
    assert lean == full


@pytest.mark.parametrize("horizontal, positions, lengths, thickness", [
    (False, [12, 13, 15, 17], [2, 8, 11, 6], 0.8),         # bar measures the thickness from the first position
    (False, [0.6, 1.4, 2.6], [5.5, 0, 3], [0.8, 0.8, 0.7]),
    (True, [0, 1, 2, 3], [50, 80.5, 10, 3], 0.68),
    (True, 5, 4.25, 0.68),                                 # one bar at a time, as the rates chart adds them
    (False, 7, 19, 0.7),                                   # one bar at a time, as the trend chart adds them
])
def test_bars_draw_what_axes_bar_draws(style, horizontal, positions, lengths, thickness):
    """Bars draws its bars through one Rectangle: the same drawing as matplotlib's bar and barh."""
    from snareport.charts.chart_builder import Bars, _record, axes_in_points

    colours = ["#12436D", "#28A197", "#801650", "#F46A25"]
    count = len(positions) if isinstance(positions, list) else 1
    colour = colours[:count] if isinstance(positions, list) else colours[0]

    def drawing(add_bars) -> object:
        def plot(figure, w, h) -> None:
            axes = axes_in_points(figure, w, h, 30, 20, 10, 10)
            axes.set_xlim(-1, 90 if horizontal else 20)
            axes.set_ylim(-1, 6 if horizontal else 12)    # the longest bars run past the limits: clipped
            axes.set_axis_off()
            add_bars(axes)
        return _record(plot, style, 300, 150)

    ours = drawing(lambda axes: Bars(axes, positions, lengths, thickness, colour, horizontal=horizontal, zorder=2))
    if horizontal:
        theirs = drawing(lambda axes: axes.barh(positions, lengths, height=thickness, color=colour, zorder=2))
    else:
        theirs = drawing(lambda axes: axes.bar(positions, lengths, width=thickness, color=colour, zorder=2))
    assert len([op for op in theirs.operations if isinstance(op, PathOp)]) == count
    assert ours == theirs


def test_a_chart_leaves_matplotlib_settings_as_they_were(style):
    """A chart sets matplotlib's settings its style names for itself alone, and puts them back even when its
    plot fails: nothing leaks into the next chart or into the caller."""
    import matplotlib

    from snareport.charts.chart_builder import ChartText, build_chart

    before = dict(matplotlib.rcParams)
    assert before["font.size"] != style.text_size     # the style does change settings while a chart draws
    all_charts(style)
    assert dict(matplotlib.rcParams) == before

    def failing(figure, width, height) -> None:
        assert matplotlib.rcParams["font.size"] == style.text_size
        raise RuntimeError("the plot failed")

    chart = build_chart("failing", ChartText("Title", "Subtitle", SOURCE, "Alt"), failing, style, 300, 200)
    with pytest.raises(RuntimeError, match="the plot failed"):
        _ = chart.drawing       # the plot runs when the drawing is first needed
    assert dict(matplotlib.rcParams) == before


def test_labels_and_annotations_draw_what_texts_and_annotations_draw(style):
    """Labels and Annotations draw their labels through one Text (or Annotation) moved to each, laying out a
    repeated label once: the same drawing as a matplotlib Text (Annotation) made for each label."""
    from snareport.charts.chart_builder import Annotations, Labels, _record, axes_in_points

    points = [(1, 2, "12", "bold", "#0B0C0C", 0, 9.0), (3, 4, "12", "normal", "white", 0, 9.0),
              (5, 1, "withheld", "normal", "#505A5F", 90, 8.0), (7, 3, "1,234", "normal", "#0B0C0C", 90, 8.0),
              (8, 5, "12", "bold", "#0B0C0C", 0, 11.0)]

    def drawing(add) -> object:
        def plot(figure, w, h) -> None:
            axes = axes_in_points(figure, w, h, 40, 20, 10, 10)
            axes.set_xlim(0, 10)
            axes.set_ylim(0, 6)
            axes.set_axis_off()
            add(axes)
        return _record(plot, style, 300, 150)

    def ours(axes) -> None:
        values = Labels(axes, ha="center", va="center_baseline", fontsize=9)
        names = Annotations(axes, xycoords=axes.get_yaxis_transform(), xytext=(-6, 0), textcoords="offset points",
                            ha="right", va="center_baseline", fontsize=9, color="#0B0C0C")
        for x, y, text, weight, colour, rotation, size in points:
            values.add(x, y, text, weight=weight, color=colour, rotation=rotation, fontsize=size)
            names.add(0, y, text, weight=weight)

    def theirs(axes) -> None:
        for x, y, text, weight, colour, rotation, size in points:
            axes.text(x, y, text, ha="center", va="center_baseline", weight=weight, color=colour, rotation=rotation,
                      fontsize=size)
        for _, y, text, weight, *_ in points:
            axes.annotate(text, (0, y), xycoords=axes.get_yaxis_transform(), xytext=(-6, 0),
                          textcoords="offset points", ha="right", va="center_baseline", fontsize=9, color="#0B0C0C",
                          weight=weight)

    expected = drawing(theirs)
    assert len(expected.texts) == 2 * len(points)
    assert drawing(ours) == expected
