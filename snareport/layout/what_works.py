"""Content.what_works → the evidence on preventing violence: WHO steps and the ecological model."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    w = content(report).what_works
    out = scope_note(report, builder, "what_works") + builder.markdown(w.intro)
    if w.who_steps_intro:
        out.append(builder.para(w.who_steps_intro))
    out.append(builder.bullets([[Segment(s.step, bold=True), " \u2013 ", s.text] for s in w.who_steps], numbered=True))
    out += builder.markdown(w.ecological_intro)
    out.append(builder.bullets([[Segment(e.level, bold=True), " \u2013 ", e.text] for e in w.ecological_levels]))
    out += builder.markdown(w.closing)
    return out
