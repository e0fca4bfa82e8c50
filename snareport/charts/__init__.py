"""Chart data + ChartStyle → ChartFlowable: matplotlib charts replayed as vector graphics in reportlab."""
from __future__ import annotations

from snareport.charts.age_bands import age_band_shares_chart
from snareport.charts.age_distribution import age_distribution_chart
from snareport.charts.districts import district_change_chart
from snareport.charts.flowable import ChartFlowable, layout_captions
from snareport.charts.heatmap import day_hour_heatmap
from snareport.charts.ops import RecordedDrawing
from snareport.charts.population import population_chart
from snareport.charts.sexual_violence import category_change_chart, monthly_profile_chart
from snareport.charts.style import ChartStyle, matplotlib_dejavu_style
from snareport.charts.vector_recorder import RasterImageError, new_figure, record_figure

__all__ = [
    "ChartFlowable",
    "ChartStyle",
    "RasterImageError",
    "RecordedDrawing",
    "age_band_shares_chart",
    "age_distribution_chart",
    "category_change_chart",
    "day_hour_heatmap",
    "district_change_chart",
    "layout_captions",
    "matplotlib_dejavu_style",
    "monthly_profile_chart",
    "new_figure",
    "population_chart",
    "record_figure",
]
