"""Content.childrens_voices → what children told the partnership: key findings, themes in our words and
(only with a source) their own words."""
from __future__ import annotations

from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    v = content(report).childrens_voices
    out = scope_note(report, builder, "childrens_voices") + builder.markdown(v.intro)
    out.append(builder.h2("Key findings"))
    out.append(builder.bullets(v.key_findings))      # one list that may run on over a page break
    if v.paraphrased:   # our words, so no quotation marks
        out.append(builder.h2("What children told us, in our words"))
        out.append(builder.bullets(v.paraphrased))
        if v.paraphrased_note:
            out.append(builder.note(v.paraphrased_note))
    if v.quotes:        # children's own words, with where they come from
        out.append(builder.h2("In their own words"))
        out += builder.short_items_in_columns(v.quotes, lambda items: [builder.quote(q) for q in items],
                                           min_items=4)
        out.append(builder.note(f"Source: {v.quotes_source}"))
    return out
