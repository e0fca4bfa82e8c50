"""LatestYearSection → the main period: volume and rate per 1,000 residents, the offence-group mix, the
trend over every month in the source (gaps marked) and every district's volume and rate."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout import _counted
from snareport.layout._charts import source_line
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Tile
from snareport.layout.figures import district_rate_chart, monthly_trend_chart
from snareport.models.latest_year import LatestYearSection
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    y = report.latest_year
    main, scope, what = _main(y), report.metadata.scope_label, _counted.what(report)
    out: list[Block] = [builder.para(
        f"{what[:1].upper()}{what[1:]} recorded in {scope} in {main}, the latest {y.months_in_period} months "
        f"in the data. {_counted.caveat(report)}".strip())]
    out.append(builder.tiles(_tiles(y, report, main, what)))
    if y.groups:
        rows = [[g.label, fmt.count(g.count, suppressed=g.suppressed), fmt.share(g.share, suppressed=g.suppressed)]
                for g in y.groups]
        out += builder.table(["Category", f"Crimes, {main}", "Share"], rows, widths=[0.5, 0.25, 0.25],
                          caption=f"Crimes by police.uk category, {scope}, {main}" if report.data.categories
                          else f"Offences by group, {scope}, {main}", source=source_line(report))
    if y.trend:
        out += builder.chart(monthly_trend_chart(
            [m.month for m in y.trend], [m.count for m in y.trend], [m.in_source for m in y.trend],
            [m.in_main_period for m in y.trend], main_label=main,
            measure="recorded crimes" if report.data.categories else "recorded offences", area=scope,
            source=source_line(report), style=builder.chart_style,
            busiest=y.busiest_month.month if y.busiest_month else None,
            busiest_count=y.busiest_month.count if y.busiest_month else None))
        out.append(builder.note(_months_note(report, y, main)))
    if y.districts and y.population_year:
        out += builder.chart(district_rate_chart(
            [d.district for d in y.districts], [d.rate_per_1000 for d in y.districts], [d.rate_rank for d in y.districts],
            measure="recorded crimes" if report.data.categories else "recorded offences", area=report.metadata.area,
            period=main, population_year=y.population_year,
            source=source_line(report) + (f"; {report.data.population_source}" if report.data.population_source else ""),
            style=builder.chart_style, highlight=report.metadata.district))
    if y.districts:
        out += builder.table(*_district_table(y, main), caption=f"Crimes by district, {report.metadata.area}, {main}",
                          source=source_line(report) + (f"; {report.data.population_source}"
                                                        if y.population_year and report.data.population_source else ""))
        out.append(builder.note(
            "Ranks: 1 = highest." + (f" Rates per 1,000 residents use the ONS mid-{y.population_year} population "
                                     "estimates, the year named in the table." if y.population_year else
                                     " No population table was given, so no rates are shown.")))
    return out


def _tiles(y: LatestYearSection, report: Report, main: str, what: str) -> list[Tile]:
    scope = report.metadata.scope_label
    tiles = [Tile(fmt.count(y.total), f"{what} in {scope}, {main}",
                  "police.uk categories, broader than serious violence" if report.data.categories else "")]
    if y.rate_per_1000 is not None:
        tiles.append(Tile(fmt.number(y.rate_per_1000, 1), f"crimes per 1,000 residents, {scope}, {main}",
                          f"residents: ONS mid-{y.population_year} estimates"))
    if y.focus is not None and y.focus.rank:
        tiles.append(Tile(f"{fmt.ordinal(y.focus.rank)} of {y.focus.rank_of}", f"districts by volume, {main}",
                          f"{report.metadata.area}: {fmt.count(y.county_total)}"))
    return tiles


def _months_note(report: Report, y: LatestYearSection, main: str) -> str:
    covered = report.data.months
    words = []
    if covered:
        words.append(f"The data cover {fmt.month_runs(covered)} ({len(covered)} months)")
        if report.data.months_missing:
            words.append(f"{fmt.month_runs(report.data.months_missing)} {'is' if len(report.data.months_missing) == 1 else 'are'} "
                         "not in them and show as no data")
    used = [f"the main period is {main}"]
    yoy = report.recorded_offences.year_on_year
    if report.recorded_offences.available and yoy is not None:
        used.append(f"the year-on-year comparison uses {yoy.later.label} against {yoy.earlier.label}, the months "
                    "present in both years")
    return "; ".join(words + used) + "."


def _district_table(y: LatestYearSection, main: str):
    if y.population_year:
        header = ["District", f"Crimes, {main}", "Share", f"Residents, mid-{y.population_year}", "Per 1,000",
                  "Rank by rate"]
        widths = [0.26, 0.15, 0.11, 0.18, 0.13, 0.17]
    else:
        header, widths = ["District", f"Crimes, {main}", "Share", "Rank"], [0.4, 0.2, 0.2, 0.2]
    rows = []
    for d in y.districts:
        row = [d.district, fmt.count(d.count, suppressed=d.suppressed), fmt.share(d.share, suppressed=d.suppressed)]
        if y.population_year:
            row += [fmt.count(d.population), fmt.number(d.rate_per_1000, 1, suppressed=d.suppressed),
                    str(d.rate_rank) if d.rate_rank and not d.suppressed else fmt.NOT_AVAILABLE]
        else:
            row.append(str(d.rank))
        rows.append(row)
    return header, rows, [False] + [True] * (len(header) - 1), widths


def _main(y) -> str:
    """The main period's label."""
    return y.main.label if y.main is not None else ""
