"""The charts a section can ask for → Figure blocks: which chart, with which figures and words.

Each name here is the chart function of :mod:`snareport.charts` it stands for, called the same way; it only
records the call (a frozen :class:`~snareport.layout.blocks.Figure`). Render draws the chart, with the
theme's fonts and colours in place of the :class:`~snareport.layout.blocks.ChartSize` given as ``style``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from snareport.layout.blocks import Figure


def _figure(module: str, name: str) -> Callable[..., Figure]:
    def make(*args: Any, **kwargs: Any) -> Figure:
        return Figure(f"{module}.{name}", args, tuple(kwargs.items()))

    make.__name__ = make.__qualname__ = name
    make.__doc__ = f"A figure drawn by ``snareport.charts.{module}.{name}`` with these arguments."
    return make


age_band_shares_chart = _figure("age_bands", "age_band_shares_chart")
age_distribution_chart = _figure("age_distribution", "age_distribution_chart")
category_change_chart = _figure("sexual_violence", "category_change_chart")
day_hour_heatmap = _figure("heatmap", "day_hour_heatmap")
district_change_chart = _figure("districts", "district_change_chart")
district_rate_chart = _figure("rates", "district_rate_chart")
monthly_comparison_chart = _figure("monthly", "monthly_comparison_chart")
monthly_profile_chart = _figure("sexual_violence", "monthly_profile_chart")
monthly_trend_chart = _figure("trend", "monthly_trend_chart")
population_chart = _figure("population", "population_chart")
