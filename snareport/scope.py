"""Scope: the whole area, or one district of it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """What a report covers. ``district=None`` means the whole area (the county report)."""

    district: str | None = None

    @property
    def is_county(self) -> bool:
        return self.district is None

    def label(self, area: str) -> str:
        """The name printed on the cover: the district, or the area for the county report."""
        return self.district or area
