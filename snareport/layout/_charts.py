"""Report → the words every chart's source line and period use."""
from __future__ import annotations

from snareport.models.report import Report


def source_line(report: Report) -> str:
    """'Source: <data source>' for the chart's footer."""
    name = report.data.source_name or report.metadata.partnership
    return f"Source: {name}"
