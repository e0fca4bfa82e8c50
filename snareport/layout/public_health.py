"""Content.public_health → the public health approach and the three-level risk and protective factors."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    p = content(report).public_health
    out = scope_note(report, builder, "public_health") + builder.markdown(p.body)
    out.append(builder.h2("Risk and protective factors"))
    out += builder.markdown(p.factors_intro)
    out.append(builder.factor_levels([(lvl.label, lvl.risk, lvl.protective) for lvl in p.factors.levels()]))
    return out
