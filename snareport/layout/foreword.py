"""Content.foreword → the foreword: a signed letter opening the report.

A district report that prints the area's foreword opens with a short note on the district's edition: what it
holds and the district's headline figure, with the area's and the average district's beside it (model fields).
"""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.content.scoping import area_label
from snareport.layout._content import content, scope_note, speaks_for_area
from snareport.layout._periods import later
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    f = content(report).foreword
    out: list[Block] = edition_note(report, builder)
    # the letter's own title reads as its sub-heading; the signature is bold body text, not a heading
    out += scope_note(report, builder, "foreword") + [builder.part_heading(f.title, "lead", section=False)]
    out += builder.markdown(f.body)
    out += [builder.space(8), builder.rich([Segment(f.signatory, bold=True)]), builder.para(f.role, "muted")]
    return out


def edition_note(report: Report, builder: BlockBuilder) -> list[Block]:
    """A district report whose foreword is the area's: what the district's edition holds and its headline
    figure beside the area's (nothing in the whole-area report or when the district wrote its own)."""
    m = report.metadata
    if m.district is None or not speaks_for_area(report, "foreword"):
        return []
    out: list[Block] = [builder.h3(f"{m.district}: this edition"), builder.para(
        f"This edition of the {m.edition} assessment gives {m.district}'s own figures, each with the figure for "
        f"{m.area} beside it. Where {m.district} has not written its own text, the area's is printed under "
        f"\u201c{area_label(m.area)}\u201d, as the foreword below is.")]
    o = report.recorded_offences
    fv = o.focus_volume
    mine = next((d for d in o.districts if d.district == m.district), None)
    if o.available and fv is not None and fv.value is not None and fv.county_value is not None:
        runs: list = [f"In {later(o.year_on_year)}, ", Segment(fmt.count(fv.value), bold=True),
                      f" serious violence offences were recorded in {m.district}"]
        if mine is not None and mine.current_share is not None:
            runs.append(f", {fmt.share(mine.current_share)} of the {fmt.count(fv.county_value)} in {m.area}")
        else:
            runs.append(f" ({m.area}: {fmt.count(fv.county_value)})")
        if fv.rank:
            runs.append(f", {fmt.ranked(fv.rank, fv.rank_of)} districts")
        runs.append(".")
        if fv.district_mean is not None:
            runs.append(f" The average district recorded {fmt.number(fv.district_mean)}.")
        out.append(builder.rich(runs))
    return out
