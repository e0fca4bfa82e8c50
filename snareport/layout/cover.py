"""Report metadata → the cover: partnership, title, edition, area or district, publication date, marking."""
from __future__ import annotations

from snareport.formatting import long_date
from snareport.layout.blocks import Block, NextFrame, NextPageTemplate, PageBreak
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report
from snareport.theme import MM


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    """Cover blocks: the band frame holds the title block, the foot frame the date and marking."""
    m = report.metadata
    on_band = builder.theme.cover.style == "band"
    title_style = "cover_title" if on_band else "h1"
    sub_style = "cover_sub" if on_band else "lead"
    small_style = "on_dark_small" if on_band else "muted"
    out: list[Block] = [
        builder.space(2 * MM),
        builder.para(m.partnership, small_style),
        builder.space(18 * MM),
        builder.part_heading(m.title, title_style, level=1, section=False),   # the document's first heading
        builder.space(4 * MM),
        builder.para(m.edition, sub_style),
        builder.space(10 * MM),
        builder.para(m.scope_label, sub_style),
    ]
    if m.district and m.authority:
        out.append(builder.para(f"A district report within {m.area} ({m.authority})", small_style))
    out += [NextFrame(), builder.para(f"Published {long_date(m.publication_date)}", "cover_meta")]
    out += [builder.para(text, "cover_meta") for text in (m.attribution, m.protective_marking) if text]
    out += [NextPageTemplate("inner"), PageBreak()]
    return out
