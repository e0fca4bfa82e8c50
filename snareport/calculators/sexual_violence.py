"""Dataset × Scope → SexualViolenceSection: counts by category, the report's table, overall change,
top offence types, modal suspect, highest districts per category, month profile, repeat suspects."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from snareport.calculators.common import (
    crossed_counts,
    count_change,
    band_label_series, by_period, cached, counts_by_district, folded_text, period_refs, rank_desc, scope_offences,
    scope_people, share, unavailable_reason,
)
from snareport.models.common import LabelledChange, Ranked, SuppressibleCount
from snareport.models.sexual_violence import CategoryDistricts, MonthCount, SexualViolenceSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.dataset import Dataset

CATEGORIES = ("non-contact", "contact", "penetration", "rape")
KNOWN_SEXES = ("male", "female")


def calculate(ds: "Dataset", scope: Scope) -> SexualViolenceSection:
    """Sexual violence = offences with a non-blank ``sexual_category``; see docs/methodology.md."""
    cfg = ds.config
    yoy, two = cfg.comparisons.year_on_year, cfg.comparisons.two_year
    three = cfg.comparisons.three_financial_years or yoy
    section = SexualViolenceSection(periods=period_refs(ds, [*three, *yoy, *two]))
    if cfg.comparisons.three_financial_years is None:
        section.notes.append("Top offence types, months and repeat suspects cover the year-on-year periods only: "
                             "this source has no three financial years.")
    reason = unavailable_reason(ds, "offences.sexual_category")
    if reason:
        section.available, section.unavailable_reason = False, reason
        return section
    sv_all = cached(ds, ("sexual", None), lambda: _sexual(scope_offences(ds, Scope())))
    sv = sv_all if scope.is_county else cached(ds, ("sexual", scope.district),
                                                lambda: sv_all[sv_all["district"] == scope.district])
    prev, cur = yoy

    rows = by_period(ds, sv, yoy)
    table = crossed_counts(rows["_cat"], rows["_period"], list(CATEGORIES), list(yoy))
    section.categories = [LabelledChange(key=c, label=c, change=count_change(int(table.at[c, prev]), int(table.at[c, cur])))
                          for c in CATEGORIES]
    section.table = [LabelledChange(key=label.lower().replace(" ", "_"), label=label,
                                    change=count_change(int(table.loc[list(cats), prev].sum()),
                                                  int(table.loc[list(cats), cur].sum())))
                     for label, cats in cfg.definitions.sexual_violence_table.items()]
    section.total = count_change(int(table[prev].sum()), int(table[cur].sum()))
    if not scope.is_county:   # the whole area's change, beside the district's
        def area_total():
            counts = by_period(ds, sv_all, yoy)["_period"].value_counts()
            return count_change(int(counts.get(prev, 0)), int(counts.get(cur, 0)))

        section.area_total = cached(ds, "sexual.area_total", area_total).model_copy(deep=True)
    overall = by_period(ds, sv, two)["_period"].value_counts()
    section.overall = count_change(int(overall.get(two[0], 0)), int(overall.get(two[1], 0)))

    three_rows = by_period(ds, sv, three)
    _top_types(three_rows, section, cfg.definitions.top_offence_types)
    _months(three_rows, section, cfg.definitions.peak_months)
    section.highest_districts = [c.model_copy(deep=True) for c in cached(
        ds, "sexual.highest_districts", lambda: _highest_districts(ds, by_period(ds, sv_all, [cur])))]

    people_reason = unavailable_reason(ds, "people", "people.age", "people.sex")
    if people_reason:
        section.people_available = False
        section.notes.append(f"Suspect ages, sexes and repeat suspects: {people_reason}.")
        return section
    _suspects(ds, scope, yoy, three, section)
    return section


def _sexual(off: pd.DataFrame) -> pd.DataFrame:
    cat = folded_text(off["sexual_category"])
    keep = cat.notna() & (cat != "")
    return off[keep].assign(_cat=cat[keep])


def _top_types(rows: pd.DataFrame, section: SexualViolenceSection, top: int) -> None:
    counts = rows["offence_type"].astype("object").value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="mergesort")   # ties by name
    total = int(len(rows))
    section.three_year_total = total
    section.top_types = [SuppressibleCount(label=str(t), count=int(n), share=share(int(n), total))
                         for t, n in counts.head(top).items()]


def _months(rows: pd.DataFrame, section: SexualViolenceSection, peak_months: int) -> None:
    counts = rows["occurred_at"].dt.month.value_counts().reindex(range(1, 13), fill_value=0)
    section.month_profile = [MonthCount(month=int(m), count=int(n)) for m, n in counts.items()]
    ranked = sorted(((m, n) for m, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))
    if ranked:
        section.peak_months = sorted(int(m) for m, _ in ranked[:peak_months])


def _highest_districts(ds: "Dataset", current: pd.DataFrame) -> list[CategoryDistricts]:
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


def _suspects(ds: "Dataset", scope: Scope, yoy, three, section: SexualViolenceSection) -> None:
    def all_suspects() -> pd.DataFrame:
        ppl = scope_people(ds, Scope())
        cat = folded_text(ppl["sexual_category"])
        keep = (ppl["role"] == "suspect") & cat.notna() & (cat != "")
        return ppl[keep].assign(_cat=cat[keep])

    suspects = cached(ds, ("sexual.suspects", None), all_suspects)
    if not scope.is_county:
        suspects = suspects[suspects["district"] == scope.district]
    now = by_period(ds, suspects, [yoy[1]])
    bands = band_label_series(now["age"], ds.config.suspect_age_bands)
    section.modal_suspect_band, section.modal_suspect_band_count = _modal(bands)
    sex = now["sex"].astype("object")
    section.modal_suspect_sex, section.modal_suspect_sex_count = _modal(sex[sex.isin(KNOWN_SEXES)])
    section.non_contact_peak_suspect_band, section.non_contact_peak_suspect_band_count = _modal(
        bands[now["_cat"] == "non-contact"])

    # a district's suspects count their sexual offences anywhere in the area, not only in the district
    everyone = cached(ds, ("sexual.suspects", None), all_suspects)
    repeat, distinct = _repeat_suspects(ds, everyone, now, three)
    section.distinct_suspects = distinct
    section.repeat_suspects = repeat
    section.repeat_suspect_share = share(repeat, distinct)
    if not scope.is_county:   # the whole area's share, beside the district's
        def area() -> tuple[int, int]:
            everyone = cached(ds, ("sexual.suspects", None), all_suspects)
            return _repeat_suspects(ds, everyone, by_period(ds, everyone, [yoy[1]]), three)

        area_repeat, area_distinct = cached(ds, "sexual.area_repeat_suspects", area)
        section.area_repeat_suspects = area_repeat
        section.area_repeat_suspect_share = share(area_repeat, area_distinct)


def _repeat_suspects(ds: "Dataset", suspects: pd.DataFrame, now: pd.DataFrame, three) -> tuple[int, int]:
    """(current-year suspects in ``now`` with two or more sexual offences among ``suspects`` over the three
    years, current-year suspects). Pass the whole area's suspects so offences elsewhere count too."""
    over_three = by_period(ds, suspects, three).drop_duplicates(["person_id", "offence_id"])
    offences_per_suspect = over_three.groupby("person_id").size()
    current_suspects = now["person_id"].drop_duplicates()
    repeat = int((offences_per_suspect.reindex(current_suspects, fill_value=0) >= 2).sum())
    return repeat, int(len(current_suspects))
