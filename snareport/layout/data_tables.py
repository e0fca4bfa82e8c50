"""The tables behind the report's charts (collected by ``BlockBuilder.annex_table``) → the data annex.

Each chart's figures are printed once in the body (the chart, labelled) and once here as a table, so
every value is available as text without the report repeating a chart as a table beside it.
"""
from __future__ import annotations

from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder
from snareport.models.report import Report


def build(report: Report, door: BlockBuilder) -> list[Block]:
    out: list[Block] = [door.para("The figures behind the charts in this report, in the order the charts appear.")]
    for table in door.annex:
        out += door.table(list(table.header), [list(r) for r in table.rows], numeric=table.numeric,
                          widths=table.widths, compact=True, caption=f"Table A{table.number}. {table.caption}",
                          source=table.source)
        out.append(door.space(6))
    return out
