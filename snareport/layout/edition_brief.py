"""Report → "This edition in brief", under the contents of a report built from a source that names its own
categories (police.uk): the source and licence, what is counted, and which months each part uses."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout import _counted
from snareport.layout._periods import earlier, later
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def included(report: Report) -> bool:
    return bool(report.data.categories)


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    d, y, o = report.data, report.latest_year, report.recorded_offences
    points: list[list] = [[Segment("Source. ", bold=True), f"{d.source_name}, published on data.police.uk under the "
                           "Open Government Licence v3.0." if "police.uk" in d.source_name else f"{d.source_name}."]]
    points.append([Segment("What is counted. ", bold=True), f"{_counted.what(report)[:1].upper()}"
                   f"{_counted.what(report)[1:]}. {_counted.caveat(report)}"])
    if d.months:
        gap = (f"; {fmt.month_runs(d.months_missing)} {'is' if len(d.months_missing) == 1 else 'are'} not in the data"
               if d.months_missing else "")
        points.append([Segment("Months. ", bold=True), f"{fmt.month_runs(d.months)} ({len(d.months)} months){gap}. "
                       "The monthly trend shows every one."])
    if y.available:
        points.append([Segment("Main period. ", bold=True), f"{y.main.label if y.main else ''}, the latest {y.months_in_period} months."])
    if o.available and len(o.periods) == 2:
        points.append([Segment("Year on year. ", bold=True), f"{later(o.year_on_year)} against {earlier(o.year_on_year)}, the months "
                       "present in both years."])
    if y.available and y.population_year:
        points.append([Segment("Residents. ", bold=True), f"ONS mid-{y.population_year} population estimates, for "
                       "rates per 1,000."])
    return [builder.space(10), builder.h2("This edition in brief"), builder.bullets(points)]
