"""Content.glossary → the glossary: terms in alphabetical order, in two columns over pages."""
from __future__ import annotations

from snareport.layout._content import content
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    entries: list[Block] = []
    for entry in content(report).glossary_sorted():
        # a term and its definition stay together: never a term alone at the foot of a column
        entries.append(builder.keep([builder.term(entry.term), *builder.markdown(entry.definition, "small_body")]))
    return entries
