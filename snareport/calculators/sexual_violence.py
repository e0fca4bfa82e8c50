"""Prepared × Scope → SexualViolenceSection: counts by category, the report's table, overall change,
top offence types, modal suspect, highest districts per category, month profile, repeat suspects."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators import findings
from snareport.calculators.common import (
    band_label_series,
    by_period,
    count_change,
    counts_by_district,
    folded_text,
    period_pair,
    period_refs,
    rank_desc,
    require_prepared,
    share,
    unavailable_reason,
)
from snareport.models.common import Change, LabelledChange, Ranked, SuppressibleCount
from snareport.models.sexual_violence import CategoryDistricts, MonthCount, SexualViolenceSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.prepare import Prepared

CATEGORIES = ("non-contact", "contact", "penetration", "rape")
KNOWN_SEXES = ("male", "female")


@dataclass(frozen=True)
class SexualViolenceArea:
    """The area's sexual offences (with ``_cat``) and their year-on-year change, every district ranked per
    category in the current year, the suspects in sexual offences and the area's (repeat, current-year)
    suspects (``None`` without people data)."""

    offences: pd.DataFrame
    total: Change
    highest_districts: tuple[CategoryDistricts, ...]
    suspects: pd.DataFrame | None
    repeat_suspects: tuple[int, int] | None


def whole_area(frames: Frames) -> SexualViolenceArea | None:
    if unavailable_reason(frames, "offences.sexual_category"):
        return None
    cfg = frames.config
    yoy = cfg.comparisons.year_on_year
    three = cfg.comparisons.three_financial_years or yoy
    sexual = _sexual(frames.offences)
    counts = by_period(frames, sexual, yoy)["_period"].value_counts()
    total = count_change(int(counts.get(yoy[0], 0)), int(counts.get(yoy[1], 0)))
    current = by_period(frames, sexual, [yoy[1]])
    suspects, repeat = None, None
    if not unavailable_reason(frames, "people", "people.age", "people.sex") and frames.people is not None:
        ppl = frames.people
        cat = folded_text(ppl["sexual_category"])
        keep = (ppl["role"] == "suspect") & cat.notna() & (cat != "")
        suspects = ppl[keep].assign(_cat=cat[keep])
        repeat = _repeat_suspects(frames, suspects, by_period(frames, suspects, [yoy[1]]), three)
    return SexualViolenceArea(sexual, total, tuple(_highest_districts(frames, current)), suspects, repeat)


def calculate(prep: Prepared, scope: Scope) -> SexualViolenceSection:
    """Sexual violence = offences with a non-blank ``sexual_category``; see docs/methodology.md."""
    require_prepared(prep)
    cfg = prep.config
    yoy, two = cfg.comparisons.year_on_year, cfg.comparisons.two_year
    three = cfg.comparisons.three_financial_years or yoy
    fixed = dict(periods=period_refs(prep, [*three, *yoy, *two]), year_on_year=period_pair(prep, yoy),
                 two_year=period_pair(prep, two), three_years=period_refs(prep, three))
    notes = []
    if cfg.comparisons.three_financial_years is None:
        notes.append("Top offence types, months and repeat suspects cover the year-on-year periods only: "
                     "this source has no three financial years.")
    reason = unavailable_reason(prep, "offences.sexual_category")
    area = prep.sexual_violence
    if reason or area is None:
        return SexualViolenceSection(**fixed, notes=notes, available=False, unavailable_reason=reason)
    sv = area.offences if scope.is_county else area.offences[area.offences["district"] == scope.district]
    prev, cur = yoy

    rows = by_period(prep, sv, yoy)
    table = pd.crosstab(rows["_cat"], rows["_period"]).reindex(index=list(CATEGORIES), columns=list(yoy),
                                                               fill_value=0)
    overall = by_period(prep, sv, two)["_period"].value_counts()
    three_rows = by_period(prep, sv, three)
    figures = dict(
        categories=[LabelledChange(key=c, label=c, change=count_change(int(table.at[c, prev]), int(table.at[c, cur])))
                    for c in CATEGORIES],
        table=[LabelledChange(key=label.lower().replace(" ", "_"), label=label,
                              change=count_change(int(table.loc[list(cats), prev].sum()),
                                            int(table.loc[list(cats), cur].sum())))
               for label, cats in cfg.definitions.sexual_violence_table.items()],
        total=count_change(int(table[prev].sum()), int(table[cur].sum())),
        area_total=None if scope.is_county else area.total,   # the whole area's change, beside the district's
        overall=count_change(int(overall.get(two[0], 0)), int(overall.get(two[1], 0))),
        **_top_types(three_rows, cfg.definitions.top_offence_types), **_months(three_rows, cfg.definitions.peak_months),
        highest_districts=list(area.highest_districts),
    )
    figures.update(findings.sexual_violence(figures["table"], figures["total"]))
    people_reason = unavailable_reason(prep, "people", "people.age", "people.sex")
    if people_reason or area.suspects is None:
        return SexualViolenceSection(**fixed, **figures, people_available=False,
                                     notes=[*notes, f"Suspect ages, sexes and repeat suspects: {people_reason}."])
    return SexualViolenceSection(**fixed, **figures, notes=notes,
                                 **_suspects(prep, area, scope, yoy, three))


def _sexual(off: pd.DataFrame) -> pd.DataFrame:
    cat = folded_text(off["sexual_category"])
    keep = cat.notna() & (cat != "")
    return off[keep].assign(_cat=cat[keep])


def _top_types(rows: pd.DataFrame, top: int) -> dict:
    counts = rows["offence_type"].astype("object").value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="mergesort")   # ties by name
    total = int(len(rows))
    return dict(three_year_total=total,
                top_types=[SuppressibleCount(label=str(t), count=int(n), share=share(int(n), total))
                           for t, n in counts.head(top).items()])


def _months(rows: pd.DataFrame, peak_months: int) -> dict:
    counts = rows["occurred_at"].dt.month.value_counts().reindex(range(1, 13), fill_value=0)
    ranked = sorted(((m, n) for m, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))
    return dict(month_profile=[MonthCount(month=int(m), count=int(n)) for m, n in counts.items()],
                peak_months=sorted(int(m) for m, _ in ranked[:peak_months]))


def _highest_districts(ds: Frames, current: pd.DataFrame) -> list[CategoryDistricts]:
    """Every district ranked by current-year count, per category (one grouped pass over the area)."""
    out = []
    for cat in CATEGORIES:
        counts = counts_by_district(ds, current[current["_cat"] == cat])
        ranks = rank_desc(counts)
        ranked = sorted((Ranked(name=d, value=int(counts[d]), rank=int(ranks[d])) for d in counts.index),
                        key=lambda r: r.rank)
        out.append(CategoryDistricts(category=cat, districts=ranked))
    return out


def _modal(values: pd.Series) -> tuple[str | None, int | None]:
    """The most frequent value (ties: first by name) and how many have it."""
    counts = values.dropna().value_counts()
    if counts.empty:
        return None, None
    top = sorted(counts.index, key=lambda v: (-counts[v], str(v)))[0]
    return str(top), int(counts[top])


def _suspects(prep: Prepared, area: SexualViolenceArea, scope: Scope, yoy, three) -> dict:
    suspects = area.suspects
    if not scope.is_county:
        suspects = suspects[suspects["district"] == scope.district]
    now = by_period(prep, suspects, [yoy[1]])
    bands = band_label_series(now["age"], prep.config.suspect_age_bands)
    sex = now["sex"].astype("object")
    # a district's suspects count their sexual offences anywhere in the area, not only in the district
    repeat, distinct = _repeat_suspects(prep, area.suspects, now, three)
    band, band_count = _modal(bands)
    modal_sex, sex_count = _modal(sex[sex.isin(KNOWN_SEXES)])
    non_contact, non_contact_count = _modal(bands[now["_cat"] == "non-contact"])
    fields = dict(
        modal_suspect_band=band, modal_suspect_band_count=band_count,
        modal_suspect_sex=modal_sex, modal_suspect_sex_count=sex_count,
        non_contact_peak_suspect_band=non_contact, non_contact_peak_suspect_band_count=non_contact_count,
        distinct_suspects=distinct, repeat_suspects=repeat, repeat_suspect_share=share(repeat, distinct),
    )
    if not scope.is_county and area.repeat_suspects is not None:   # the whole area's, beside the district's
        area_repeat, area_distinct = area.repeat_suspects
        fields.update(area_repeat_suspects=area_repeat, area_repeat_suspect_share=share(area_repeat, area_distinct))
    return fields


def _repeat_suspects(ds: Prepared | Frames, suspects: pd.DataFrame, now: pd.DataFrame, three) -> tuple[int, int]:
    """(current-year suspects in ``now`` with two or more sexual offences among ``suspects`` over the three
    years, current-year suspects). Pass the whole area's suspects so offences elsewhere count too."""
    over_three = by_period(ds, suspects, three).drop_duplicates(["person_id", "offence_id"])
    offences_per_suspect = over_three.groupby("person_id").size()
    current_suspects = now["person_id"].drop_duplicates()
    repeat = int((offences_per_suspect.reindex(current_suspects, fill_value=0) >= 2).sum())
    return repeat, int(len(current_suspects))
