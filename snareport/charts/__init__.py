"""Chart data + ChartStyle → ChartFlowable: matplotlib charts replayed as vector graphics in reportlab."""
from __future__ import annotations

from snareport.charts.flowable import ChartFlowable, layout_captions
from snareport.charts.ops import RecordedDrawing
from snareport.charts.recorder import RasterImageError, new_figure, record_figure
from snareport.charts.style import ChartStyle, matplotlib_dejavu_style

__all__ = [
    "ChartFlowable",
    "ChartStyle",
    "RasterImageError",
    "RecordedDrawing",
    "layout_captions",
    "matplotlib_dejavu_style",
    "new_figure",
    "record_figure",
]
