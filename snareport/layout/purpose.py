"""Content.aim_and_purpose → why the needs assessment exists and who uses it."""
from __future__ import annotations

from snareport.content.scoping import area_label
from snareport.layout._content import content, scope_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    return (_edition_note(report, builder) + scope_note(report, builder, "aim_and_purpose")
            + builder.markdown(content(report).aim_and_purpose.body))


def _edition_note(report: Report, builder: BlockBuilder) -> list[Block]:
    """A district report says whose figures it holds and how area-wide text is marked."""
    m = report.metadata
    if not m.district:
        return []
    return [builder.para(
        f"This is the {m.district} edition of the {m.edition} assessment. Its figures are for {m.district}, "
        f"with the figure for {m.area} beside them; text written for the whole of {m.area} is marked "
        f"“{area_label(m.area)}”.")]
