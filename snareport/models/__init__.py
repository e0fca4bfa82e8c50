"""Section models (pydantic) and the Report that holds them."""
from snareport.models.common import Change, LabelledChange, PeriodRef, Ranked, ScopeFigure, Section, SuppressibleCount

__all__ = ["Change", "LabelledChange", "PeriodRef", "Ranked", "ScopeFigure", "Section", "SuppressibleCount"]
