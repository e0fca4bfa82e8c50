"""The tables behind the report's charts (collected by ``BlockBuilder.annex_table``) → the data annex.

Each chart's figures are printed once in the body (the chart, labelled) and once here as a table, so
every value is available as text without the report repeating a chart as a table beside it.
"""
from __future__ import annotations

from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    out: list[Block] = [builder.para("The figures behind the charts in this report, in the order the charts appear.",
                                     keep_with_next=True)]       # on the page of the first table
    for table in builder.annex:
        out += builder.table(list(table.header), [list(r) for r in table.rows], numeric=table.numeric,
                          widths=table.widths, compact=True, caption=f"Table A{table.number}. {table.caption}",
                          source=table.source)
        out.append(builder.space(6))
    return out
