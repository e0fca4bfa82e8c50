"""areas.yaml (or a user's YAML) → AreaDefinition: the councils and districts an area is made of."""
from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from snareport.config import Authority


class AreaDefinition(BaseModel):
    """One area: its police force, its councils and their districts, and how its report is titled."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    force: str | None = None
    theme: str | None = None
    authorities: list[Authority] = Field(min_length=1)
    codes: dict[str, str] = Field(default_factory=dict)   # district → ONS local authority code

    @property
    def districts(self) -> list[str]:
        return [d for a in self.authorities for d in a.districts]


def known_areas(path: Path | None = None) -> dict[str, AreaDefinition]:
    """Every area in the bundled areas.yaml (or in ``path``), by name."""
    if path is None:
        text = resources.files("snareport.opendata").joinpath("areas.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    raw = yaml.safe_load(text) or {}
    return {name: AreaDefinition(name=name, **body) for name, body in (raw.get("areas") or {}).items()}


def find_area(name: str, path: Path | None = None) -> AreaDefinition | None:
    """The defined area with this name (case-insensitive), or None."""
    for area_name, area in known_areas(path).items():
        if area_name.casefold() == name.strip().casefold():
            return area
    return None


def area_from_data(name: str, force: str, district_rows: Counter[str], min_share: float) -> AreaDefinition:
    """An area for which no definition exists: one authority (the force) whose districts are the
    local authorities holding at least ``min_share`` of the force's located rows (the rest are
    neighbouring authorities a few incidents spill into)."""
    total = sum(district_rows.values())
    districts = sorted(d for d, n in district_rows.items() if total and n / total >= min_share)
    if not districts:
        districts = sorted(district_rows)
    return AreaDefinition(
        name=name,
        force=force,
        authorities=[Authority(name=f"{name} (from the {force} files)", short_name=name, districts=districts)],
    )
