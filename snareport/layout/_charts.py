"""Report → the words every chart's source line and period use."""
from __future__ import annotations

from snareport.models.report import Report


def source_line(report: Report, *tables: str) -> str:
    """'Source: <where each table behind the figure comes from>' (report.yaml ``sources``, or an open-data
    source's population source), for the footer of a chart or table; with no table named, the dataset's
    source or the partnership."""
    names = [report.data.table_sources.get(t) for t in tables]
    names = list(dict.fromkeys(n for n in names if n)) or [report.data.source_name or report.metadata.partnership]
    return "Source: " + "; ".join(names)
