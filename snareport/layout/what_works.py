"""Content.what_works → the evidence on preventing violence: WHO steps and the ecological model."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment
from snareport.models.report import Report


def build(report: Report, door: BlockBuilder) -> list[Block]:
    w = content(report).what_works
    out = scope_note(report, door, "what_works") + door.markdown(w.intro)
    if w.who_steps_intro:
        out.append(door.para(w.who_steps_intro))
    out.append(door.bullets([[Segment(s.step, bold=True), " \u2013 ", s.text] for s in w.who_steps], numbered=True))
    out += door.markdown(w.ecological_intro)
    out.append(door.bullets([[Segment(e.level, bold=True), " \u2013 ", e.text] for e in w.ecological_levels]))
    out += door.markdown(w.closing)
    return out
