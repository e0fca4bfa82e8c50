"""Dataset: the validated input tables (pandas), the report configuration and the content.

``snareport.loading.load_dataset(path)`` is the only way in; it reads and validates everything and
raises :class:`snareport.DataError` listing every problem found.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from snareport.config import ReportConfig
    from snareport.content.models import Content


@dataclass(frozen=True)
class PeriodGap:
    """Months of one named period with no rows in one table (first day of each month, in order)."""

    table: str
    period: str
    label: str
    missing: tuple[dt.date, ...]
    months: int            # months in the whole period

    @property
    def present(self) -> int:
        return self.months - len(self.missing)


# Typed columns after loading (see docs/data-contract.md). Ids are integer codes and low-cardinality text is
# categorical (codes + the distinct values, sorted), made once by the loader after validation:
#   offences: offence_id int64 (the row number), occurred_at datetime64[ns] (local, naive), district category
#             (report.yaml order), offence_group category, offence_type category, knife_enabled bool,
#             sexual_category category (NaN when blank)
#   people: offence_id int64 (the row number of the offence in offences), person_id int64 (one per distinct
#           person), role category {'victim','suspect'}, age Float64 (<NA> unknown),
#           sex category {'male','female','unknown'}, ethnicity category (NaN when not recorded)
#   hospital_admissions: month datetime64[ns] (first day of month), age_band {'0-24','25+'},
#           mechanism {'sharp object','other'}, admissions int64, district str|<NA>
#   population: district str, age_band {'0-9','10-17','18-24','25+'}, year int64, population int64
#   unit_costs: offence_group str, unit_cost_gbp float64, price_year str, source str
#   harm_weights: offence_type str, harm_weight float64, source str
TABLES = ("offences", "people", "hospital_admissions", "population", "unit_costs", "harm_weights")


def coded_text(codes: np.ndarray, labels: Sequence[Any], dtype: Any = object) -> pd.Categorical:
    """Rows given as ``codes`` into ``labels`` (code -1 or a label that is ``None`` or not text: missing) coded as
    the Dataset codes low-cardinality text: a categorical of the labels some row has, in sorted order, with
    categories of ``dtype``. A label given twice is one category."""
    import numpy as np
    import pandas as pd

    codes = np.asarray(codes)
    used = np.bincount(codes.astype(np.intp) + 1, minlength=len(labels) + 1)[1:] > 0   # (bin 0: missing)
    distinct = sorted({label for label, in_use in zip(labels, used) if in_use and isinstance(label, str)})
    position = {label: i for i, label in enumerate(distinct)}
    # each label's new code; the last slot (-1, where a missing code points) stays missing
    lookup = np.array([position.get(label, -1) if isinstance(label, str) else -1 for label in labels] + [-1],
                      dtype=np.int32)
    return pd.Categorical.from_codes(lookup[codes], categories=pd.Index(distinct, dtype=dtype))


@dataclass
class Dataset:
    """Everything a report is computed from. Tables absent from a partial source are ``None``.

    ``available`` names what the source provides: table names ("people") and field names
    ("offences.time_of_day", "offences.knife_enabled", ...). Calculators check it with
    :meth:`has` and report "not available from this source" instead of printing zeros.
    """

    config: ReportConfig
    content: Content
    offences: pd.DataFrame
    people: pd.DataFrame | None = None
    hospital_admissions: pd.DataFrame | None = None
    population: pd.DataFrame | None = None
    unit_costs: pd.DataFrame | None = None
    harm_weights: pd.DataFrame | None = None
    district_content: dict[str, Content] = field(default_factory=dict)
    available: frozenset[str] = frozenset()
    data_quality: list[str] = field(default_factory=list)
    source_name: str = ""
    # Months missing from a named period, per table (only when report.yaml allows partial periods).
    period_gaps: list[PeriodGap] = field(default_factory=list)

    def gap(self, table: str, period: str) -> PeriodGap | None:
        """The months of a named period missing from a table (None when the table covers it)."""
        return next((g for g in self.period_gaps if g.table == table and g.period == period), None)

    def has(self, name: str) -> bool:
        """True when the source provides this table or field."""
        return name in self.available

    def content_for(self, district: str | None) -> Content:
        """The content for a scope: the district's overrides merged over the county content."""
        if district is None:
            return self.content
        return self.district_content.get(district, self.content)

