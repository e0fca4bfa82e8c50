"""Prepared × Scope → SexualViolenceSection: counts by category, the report's table, overall change,
top offence types, modal suspect, highest districts per category, month profile, repeat suspects."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from snareport.calculators import findings
from snareport.calculators.common import (
    band_of,
    count_change,
    district_population,
    has_text,
    month_of_year,
    period_mask,
    period_pair,
    period_refs,
    ranked_districts,
    require_prepared,
    share,
    unavailable_reason,
)
from snareport.models.common import Change, LabelledChange, SuppressibleCount
from snareport.models.sexual_violence import CategoryDistricts, MonthCount, SexualViolenceSection
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.common import Frames
    from snareport.calculators.counts import CountTable
    from snareport.calculators.prepare import Prepared

CATEGORIES = ("non-contact", "contact", "penetration", "rape")
KNOWN_SEXES = ("male", "female")


@dataclass(frozen=True)
class SexualViolenceArea:
    """The area's year-on-year change in sexual offences, every district ranked per category in the current
    year, and each scope's (repeat, all) current-year suspects (``""``: the whole area; ``None`` without
    people data)."""

    total: Change
    highest_districts: tuple[CategoryDistricts, ...]
    repeat_suspects: dict[str, tuple[int, int]] | None
    table: tuple[LabelledChange, ...]      # the whole area's report table and peak months, beside a district's
    peak_months: tuple[int, ...]


def whole_area(frames: Frames) -> SexualViolenceArea | None:
    if unavailable_reason(frames, "offences.sexual_category"):
        return None
    cfg = frames.config
    yoy = cfg.comparisons.year_on_year
    three = cfg.comparisons.three_financial_years or yoy
    sexual = frames.offence_counts.where(sexual_category=_is_sexual)
    counts = sexual.counts("period")
    total = count_change(int(counts[yoy[0]]), int(counts[yoy[1]]))
    repeat = None
    if not unavailable_reason(frames, "people", "people.age", "people.sex") and frames.people is not None:
        repeat = _repeat_suspects(frames, yoy[1], three)
    months = frames.month_counts.where(sexual_category=_is_sexual, period=list(three))
    return SexualViolenceArea(total, tuple(_highest_districts(frames, sexual.where(period=yoy[1]))), repeat,
                              tuple(_table(_by_category(sexual, yoy), cfg)),
                              tuple(_months(months, cfg.definitions.peak_months)["peak_months"]))


def _by_category(sv: CountTable, yoy) -> dict[str, tuple[int, int]]:
    """Year-on-year counts of each category (0 where none)."""
    by_category = sv.per_period("sexual_category", yoy)
    return {c: by_category.get(c, (0, 0)) for c in CATEGORIES}


def _summed(table: dict[str, tuple[int, int]], categories) -> Change:
    return count_change(*(sum(table[c][i] for c in categories if c in table) for i in (0, 1)))


def _table(table: dict[str, tuple[int, int]], cfg) -> list[LabelledChange]:
    """The report's table: the categories summed into the rows report.yaml defines."""
    return [LabelledChange(key=label.lower().replace(" ", "_"), label=label, change=_summed(table, cats))
            for label, cats in cfg.definitions.sexual_violence_table.items()]


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
    sv = prep.offence_counts.where(sexual_category=_is_sexual)
    months = prep.month_counts.where(sexual_category=_is_sexual)
    if not scope.is_county:
        sv, months = sv.where(district=scope.district), months.where(district=scope.district)
    table = _by_category(sv, yoy)
    overall = sv.counts("period")
    three_rows = sv.where(period=list(three))
    figures = dict(
        categories=[LabelledChange(key=c, label=c, change=count_change(*table[c])) for c in CATEGORIES],
        table=_table(table, cfg),
        total=_summed(table, CATEGORIES),
        area_total=None if scope.is_county else area.total,   # the whole area's change, beside the district's
        overall=count_change(int(overall[two[0]]), int(overall[two[1]])),
        **_top_types(three_rows, cfg.definitions.top_offence_types),
        **_months(months.where(period=list(three)), cfg.definitions.peak_months),
        highest_districts=list(area.highest_districts),
        population_year=cfg.population_year if any(r.rate_per_1000 is not None for cd in area.highest_districts
                                                    for r in cd.districts) else None,
    )
    figures.update(findings.sexual_violence(figures["table"], figures["total"]))
    if not scope.is_county:   # the whole area's figures, beside the district's
        every = prep.offence_counts.where(sexual_category=_is_sexual).where(period=list(three))
        types, total = every.counts("offence_type"), every.total()
        mine: list[SuppressibleCount] = figures["top_types"]  # type: ignore[assignment]
        figures.update(area_table=list(area.table), area_peak_months=list(area.peak_months), area_top_types=[
            SuppressibleCount(label=t.label, count=int(types.get(t.label, 0)), share=share(int(types.get(t.label, 0)), total))
            for t in mine])
    people_reason = unavailable_reason(prep, "people", "people.age", "people.sex")
    if people_reason or area.repeat_suspects is None:
        return SexualViolenceSection(**fixed, **figures, people_available=False,
                                     notes=[*notes, f"Suspect ages, sexes and repeat suspects: {people_reason}."])
    return SexualViolenceSection(**fixed, **figures, notes=notes, **_suspects(prep, area, scope, yoy))


def _is_sexual(category) -> bool:
    return category is not None


def _top_types(rows: CountTable, top: int) -> dict:
    """The most frequent offence types (ties by name) of the offences counted in ``rows``, with shares."""
    counts = sorted(((t, n) for t, n in rows.counts("offence_type").items() if n), key=lambda tn: (-tn[1], tn[0]))
    total = rows.total()
    return dict(three_year_total=total,                                               # ties by name
                top_types=[SuppressibleCount(label=str(t), count=n, share=share(n, total)) for t, n in counts[:top]])


def _months(rows: CountTable, peak_months: int) -> dict:
    counts = dict.fromkeys(range(1, 13), 0)
    for number, n in rows.counts("month").items():
        counts[month_of_year(int(number))] += int(n)
    ranked = sorted(((m, n) for m, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))
    return dict(month_profile=[MonthCount(month=m, count=n) for m, n in counts.items()],
                peak_months=sorted(m for m, _ in ranked[:peak_months]))


def _highest_districts(ds: Frames, current: CountTable) -> list[CategoryDistricts]:
    """Every district ranked by current-year count per category, with its rate per 1,000 residents (all
    ages) when there is a population; the first ``definitions.sexual_violence_districts`` are named."""
    out = []
    population = district_population(ds.ds)
    n = ds.config.definitions.sexual_violence_districts
    for cat in CATEGORIES:
        ranked = ranked_districts(current.where(sexual_category=cat).series("district", ds.config.districts),
                                  population)
        out.append(CategoryDistricts(category=cat, districts=ranked, highest=[r.name for r in ranked][:n]))
    return out


def _modal(counts: dict) -> tuple[str | None, int | None]:
    """The most frequent value (ties: first by name) and how many have it, from counts by value."""
    counts = {v: n for v, n in counts.items() if v is not None and n}
    if not counts:
        return None, None
    top = sorted(counts, key=lambda v: (-counts[v], str(v)))[0]
    return str(top), int(counts[top])


def _bands(rows: CountTable, bands) -> dict[str, int]:
    """Counts by age band (unknown ages left out)."""
    out: dict[str, int] = {}
    for age, n in rows.counts("age").items():
        label = band_of(age, bands)
        if label is not None:
            out[label] = out.get(label, 0) + int(n)
    return out


def _suspects(prep: Prepared, area: SexualViolenceArea, scope: Scope, yoy) -> dict:
    now = prep.people_counts.where(period=yoy[1], role="suspect", sexual_category=_is_sexual)
    if not scope.is_county:
        now = now.where(district=scope.district)
    bands = prep.config.suspect_age_bands
    # a district's suspects count their sexual offences anywhere in the area, not only in the district
    repeat, distinct = area.repeat_suspects.get(scope.district or "", (0, 0))
    band, band_count = _modal(_bands(now, bands))
    modal_sex, sex_count = _modal(now.where(sex=list(KNOWN_SEXES)).counts("sex"))
    non_contact, non_contact_count = _modal(_bands(now.where(sexual_category="non-contact"), bands))
    fields = dict(
        modal_suspect_band=band, modal_suspect_band_count=band_count,
        modal_suspect_sex=modal_sex, modal_suspect_sex_count=sex_count,
        non_contact_peak_suspect_band=non_contact, non_contact_peak_suspect_band_count=non_contact_count,
        distinct_suspects=distinct, repeat_suspects=repeat, repeat_suspect_share=share(repeat, distinct),
    )
    if not scope.is_county:   # the whole area's, beside the district's
        area_repeat, area_distinct = area.repeat_suspects[""]
        fields.update(area_repeat_suspects=area_repeat, area_repeat_suspect_share=share(area_repeat, area_distinct))
    return fields


def _repeat_suspects(frames: Frames, current: str, three) -> dict[str, tuple[int, int]]:
    """Per scope (``""``: the whole area; else a district): (current-year suspects in a sexual offence in
    the scope with two or more sexual offences anywhere in the area over the three years, current-year
    suspects in a sexual offence in the scope). Worked on the id columns of the suspects' rows only."""
    ppl = frames.people
    suspect = (ppl["role"] == "suspect").to_numpy() & has_text(ppl["sexual_category"])
    ids = pd.DataFrame({"person_id": ppl["person_id"].to_numpy()[suspect],
                        "offence_id": ppl["offence_id"].to_numpy()[suspect]})
    in_three = np.logical_or.reduce([period_mask(frames, ppl, n)[suspect] for n in dict.fromkeys(three)])
    offences_per_suspect = ids[in_three].drop_duplicates().groupby("person_id", sort=False).size()
    now = period_mask(frames, ppl, current)[suspect]
    district = ppl["district"].astype("category")
    pairs = pd.DataFrame({"district": district.cat.codes.to_numpy()[suspect][now],
                          "person_id": ids["person_id"].to_numpy()[now]}).drop_duplicates()
    pairs["repeat"] = (offences_per_suspect.reindex(pairs["person_id"], fill_value=0) >= 2).to_numpy()
    whole = pairs.drop_duplicates("person_id")
    out = {"": (int(whole["repeat"].sum()), int(len(whole)))}
    named = pairs[pairs["district"].to_numpy() >= 0]
    grouped = named.groupby("district", sort=False)["repeat"].agg(["sum", "size"])
    out.update({str(district.cat.categories[d]): (int(r["sum"]), int(r["size"])) for d, r in grouped.iterrows()})
    return out


