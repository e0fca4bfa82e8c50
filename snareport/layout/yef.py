"""Content.yef → the Youth Endowment Fund's best-evidenced interventions and where they run locally."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._content import content, scope_note, speaks_for_area
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    y = content(report).yef
    out = scope_note(report, builder, "yef") + builder.markdown(y.intro)
    if y.interventions_intro:
        out.append(builder.para(y.interventions_intro))
    out.append(builder.bullets([[Segment(i.lead, bold=True), " \u2013 ", i.text] for i in y.interventions]))
    out += builder.markdown(y.evidence_note)
    m = report.metadata
    if m.district is not None and speaks_for_area(report, "yef") and y.availability:
        return out + in_district(report, builder)
    where = f"across {m.area}" if speaks_for_area(report, "yef") else f"in {m.scope_label}"
    out.append(builder.h2(f"Available {where}"))
    out += builder.markdown(y.local_availability)
    return out


def in_district(report: Report, builder: BlockBuilder) -> list[Block]:
    """The area's ``availability`` read for one district: what can be reached in the district, then what is
    based elsewhere in the area (the facts are the content file's; only the district decides the list)."""
    m, items = report.metadata, content(report).yef.availability
    here = [a for a in items if a.districts == "all" or m.district in a.districts]
    away = [a for a in items if a not in here]
    out: list[Block] = [builder.h2(f"Available in {m.district}")]
    if here:
        out.append(builder.para(f"{fmt.small_number(len(here)).capitalize()} of the {fmt.small_number(len(items))} "
                             f"interventions can be reached by young people in {m.district}:"))
        out.append(builder.bullets([[Segment(a.intervention, bold=True), " \u2013 ", a.text] for a in here]))
    if away:
        out.append(builder.para(f"Based elsewhere in {m.area}, not in {m.district}:"))
        out.append(builder.bullets([[Segment(a.intervention, bold=True), " \u2013 ", a.text] for a in away]))
    return out
