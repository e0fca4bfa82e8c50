"""Dataset → Prepared: what every scope's calculators share, made once per dataset as one frozen value.

``prepare(ds)`` types the whole area's tables once (:class:`~snareport.calculators.common.Frames`) and asks
each section whose district reports compare with the whole area for those area-wide figures (its
``whole_area(frames)``). A report for any scope is then ``Prepared × Scope → Report``; a batch of reports
(the area and every district) shares one Prepared.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from snareport.calculators import (
    achievements,
    demographics,
    geography,
    knives,
    population,
    recorded_offences,
    sexual_violence,
    temporal,
)
from snareport.calculators.common import Frames, make_frames

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.counts import CountTable
    from snareport.config import ReportConfig
    from snareport.dataset import Dataset


@dataclass(frozen=True)
class Prepared:
    """The frames every scope reads, and each section's whole-area figures (``None`` when the source
    lacks what the section needs; the section then reports itself unavailable)."""

    frames: Frames
    achievements: achievements.AchievementsArea | None
    knives: knives.KnivesArea | None
    geography: geography.GeographyArea | None
    recorded_offences: recorded_offences.RecordedArea | None
    demographics: demographics.DemographicsArea | None
    sexual_violence: sexual_violence.SexualViolenceArea | None
    temporal: temporal.TemporalArea | None
    population: population.PopulationArea | None

    @property
    def ds(self) -> Dataset:
        return self.frames.ds

    @property
    def config(self) -> ReportConfig:
        return self.frames.ds.config

    @property
    def offence_counts(self) -> CountTable:
        return self.frames.offence_counts

    @property
    def people_counts(self) -> CountTable | None:
        return self.frames.people_counts

    @property
    def month_counts(self) -> CountTable:
        return self.frames.month_counts

    @property
    def hour_counts(self) -> CountTable:
        return self.frames.hour_counts

    def has(self, name: str) -> bool:
        """True when the source provides this table or field."""
        return self.frames.ds.has(name)


def prepare(ds: Dataset) -> Prepared:
    """Type the whole area's tables once and compute every section's whole-area figures."""
    frames = make_frames(ds)
    return Prepared(
        frames=frames,
        achievements=achievements.whole_area(frames),
        knives=knives.whole_area(frames),
        geography=geography.whole_area(frames),
        recorded_offences=recorded_offences.whole_area(frames),
        demographics=demographics.whole_area(frames),
        sexual_violence=sexual_violence.whole_area(frames),
        temporal=temporal.whole_area(frames),
        population=population.whole_area(frames),
    )
