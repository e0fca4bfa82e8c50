"""Report → the words every chart's source line and period use."""
from __future__ import annotations

from snareport.models.report import Report


def source_line(report: Report, table: str = "") -> str:
    """'Source: <data source>' for the chart's footer; ``table="population"`` names the population
    table's own source when the report has one (e.g. ONS estimates beside police.uk crime data)."""
    name = (report.data.population_source if table == "population" else "") or report.data.source_name \
        or report.metadata.partnership
    return f"Source: {name}"
