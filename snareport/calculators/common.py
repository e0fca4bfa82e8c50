"""Shared calculator helpers: the shared Frames, periods, scope filtering, cohort involvement, % change, ranking.

Definitions follow docs/methodology.md. What costs a pass over the whole dataset and every scope shares
(typed frames, period flags, cohort involvement per offence, each district's rows) is made once into the
frozen :class:`Frames`, part of the :class:`~snareport.calculators.prepare.Prepared` value the calculators
read; nothing is stored on the Dataset.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from snareport.calculators.counts import CountTable, count_table
from snareport.calculators.intervals import rate_per_1000, within_noise
from snareport.config import AgeRange, Period
from snareport.dataset import coded_text
from snareport.models.common import Change, PeriodPair, PeriodRef, Ranked
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.calculators.prepare import Prepared
    from snareport.config import ReportConfig
    from snareport.dataset import Dataset

NOT_AVAILABLE = "not available from this source"

_COUNTY = Scope()


@dataclass(frozen=True)
class Frames:
    """The whole area's typed tables, shared by every scope: made once per dataset by ``prepare``.

    ``offences``: every offence, text columns as categoricals, one bool column per configured period
    (``_in_<name>``). ``people``: people rows joined to their offence's district, time, group and period flags
    (``None`` without a people table). ``flagged``: offences with the cohort involvement flags joined on.
    ``positions``: for each of those frames, each district's row positions (a district's rows are a take).
    ``offence_counts``: offences by period, district, kind (group, type, knife flag, sexual category) and
    cohort involvement; ``people_counts``: people rows by period, district, kind (knife flag, sexual category),
    role and sex, and age; ``month_counts``: offences by period, district, calendar month (year × 12 + month)
    and sexual category; ``hour_counts``: offences by period, district, hour of the week (weekday × 24 + hour,
    Monday = 0) and cohort involvement (see :mod:`snareport.calculators.counts`).
    """

    ds: Dataset
    offences: pd.DataFrame
    people: pd.DataFrame | None
    involvement: pd.DataFrame
    flagged: pd.DataFrame
    positions: Mapping[str, Mapping[str, np.ndarray]]
    offence_counts: CountTable
    people_counts: CountTable | None
    month_counts: CountTable
    hour_counts: CountTable

    @property
    def config(self) -> ReportConfig:
        return self.ds.config

    def has(self, name: str) -> bool:
        return self.ds.has(name)


def unavailable_reason(ds: Dataset, *needs: str) -> str | None:
    """``None`` when the source provides every named table/field, else a reason naming what is missing."""
    missing = [n for n in needs if not ds.has(n)]
    if not missing:
        return None
    return f"{NOT_AVAILABLE} (needs {', '.join(missing)})"


# --- periods -----------------------------------------------------------------------------------

def period_ref(ds: Dataset | Prepared, name: str) -> PeriodRef:
    p = ds.config.period(name)
    return PeriodRef(name=name, label=p.label, start=p.start, end=p.end)


def period_pair(ds: Dataset | Prepared, names: tuple[str, str] | None) -> PeriodPair | None:
    """The named comparison ``(earlier, later)`` as a PeriodPair (None when the source has no such pair)."""
    if not names:
        return None
    first, second = names
    return PeriodPair(earlier=period_ref(ds, first), later=period_ref(ds, second))


def period_refs(ds: Dataset, names: Iterable[str]) -> list[PeriodRef]:
    seen: list[str] = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return [period_ref(ds, n) for n in seen]


def in_period(timestamps: pd.Series, period: Period) -> pd.Series:
    """True where the timestamp's date lies in [period.start, period.end] (inclusive)."""
    start = pd.Timestamp(period.start)
    end = pd.Timestamp(period.end + dt.timedelta(days=1))
    return (timestamps >= start) & (timestamps < end)


def by_period(ds: Dataset, frame: pd.DataFrame, names: Iterable[str], column: str = "occurred_at") -> pd.DataFrame:
    """The rows of ``frame`` in each named period, stacked, with the period's name in ``_period``.

    A row in two overlapping periods appears once for each; rows in none are dropped.
    """
    parts = []
    for n in dict.fromkeys(names):
        parts.append(frame[period_mask(ds, frame, n, column)].assign(_period=n))
    return pd.concat(parts) if parts else frame.iloc[0:0].assign(_period="")


def period_mask(ds: Dataset | Prepared | Frames, frame: pd.DataFrame, name: str,
                column: str = "occurred_at") -> np.ndarray:
    """True for the rows of ``frame`` in the named period (by its flag column when the frame has one)."""
    flag = PERIOD_FLAG + name
    if column == "occurred_at" and flag in frame.columns:
        return frame[flag].to_numpy(dtype=bool)
    return in_period(frame[column], ds.config.period(name)).to_numpy(dtype=bool)


PERIOD_FLAG = "_in_"   # prefix of the precomputed "occurred in period <name>" columns of cached frames


def _with_period_flags(ds: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    """Add one bool column per configured period (``_in_<name>``) so scopes reuse the comparison."""
    flags = {PERIOD_FLAG + n: in_period(frame["occurred_at"], p) for n, p in ds.config.periods.items()}
    return frame.assign(**flags)


# --- scope ---------------------------------------------------------------------------------------

ID_COLUMNS = ("offence_id", "person_id")   # high-cardinality keys: kept in their loaded (Arrow) dtype


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its low-cardinality text columns as categoricals (compact, fast to compare and take).

    Identifier columns keep their loaded dtype; nothing becomes a column of Python objects, which at
    100x the sample volume cost gigabytes. The frame itself when there is nothing to convert (as the loader
    leaves it): its callers make new frames from it (a join, added columns), never change it in place.
    """
    text = {col: frame[col].astype("category") for col in frame.columns
            if col not in ID_COLUMNS and not isinstance(frame[col].dtype, pd.CategoricalDtype)
            and pd.api.types.is_string_dtype(frame[col].dtype)}
    return frame.assign(**text) if text else frame


def _district_positions(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each district's row positions in ``frame``, ascending (one stable sort of the district codes; a
    district's rows are then a take). Districts with no rows are left out."""
    district = frame["district"]
    if not isinstance(district.dtype, pd.CategoricalDtype):
        return frame.groupby(district.astype("object"), sort=False).indices
    codes = district.cat.codes.to_numpy()
    order = np.argsort(codes, kind="stable")
    ends = np.cumsum(np.bincount(codes[codes >= 0], minlength=len(district.cat.categories)))
    start = int((codes < 0).sum())      # rows without a district sort first and belong to none
    out = {}
    for name, end in zip(district.cat.categories, ends + start):
        if end > start:
            out[name] = order[start:end]
        start = end
    return out


def offence_positions(offences: pd.DataFrame, people: pd.DataFrame) -> np.ndarray | None:
    """Each people row's offence as a row number of ``offences`` (-1 where it has none), when ``offence_id`` is
    the offence's row number (the loader's integer codes); None for other ids (the callers then join on them)."""
    ids, n = people["offence_id"], len(offences)
    if not (pd.api.types.is_integer_dtype(ids.dtype) and ids_are_row_numbers(offences)):
        return None
    rows = ids.to_numpy()
    return np.where((rows >= 0) & (rows < n), rows, -1)


def ids_are_row_numbers(offences: pd.DataFrame) -> bool:
    """True when each offence's ``offence_id`` is its row number (the loader's integer codes)."""
    ids = offences["offence_id"]
    return pd.api.types.is_integer_dtype(ids.dtype) and np.array_equal(ids.to_numpy(), np.arange(len(offences)))


def _with_offences(people: pd.DataFrame, offences: pd.DataFrame) -> pd.DataFrame:
    """Each people row with its offence's columns: an inner join on ``offence_id`` (many people to one
    offence), in the people's order. Where ``offence_id`` is the offence's row number (the loader's integer
    codes), the join is a take by position."""
    rows = offence_positions(offences, people)
    if rows is None:
        return people.merge(offences, on="offence_id", how="inner", validate="many_to_one")
    found = rows >= 0
    left = people if found.all() else people[found]
    right = offences.drop(columns="offence_id").take(rows[found])
    return pd.concat([left.reset_index(drop=True), right.reset_index(drop=True)], axis=1)


def take_district(whole: pd.DataFrame, positions: Mapping[str, np.ndarray], district: str) -> pd.DataFrame:
    """The rows of ``whole`` in one district, in their original order, by their positions."""
    found = positions.get(district)
    return whole.iloc[found] if found is not None else whole.iloc[0:0]


def make_frames(ds: Dataset) -> Frames:
    """The whole area's frames and each district's row positions in them (see :class:`Frames`)."""
    offences = _with_period_flags(ds, _plain(ds.offences))
    people = None
    if ds.people is not None:
        cols = ["offence_id", "district", "occurred_at", "offence_group", "offence_type",
                "knife_enabled", "sexual_category"]
        keep = [c for c in offences.columns if c in cols or c.startswith(PERIOD_FLAG)]
        people = _with_offences(_plain(ds.people), offences[keep])
    flags = involvement(ds)
    if ids_are_row_numbers(offences):     # the flags' rows are the offences' rows: joined by position
        flagged = offences.assign(**{name: flags[name].to_numpy() for name in flags.columns})
    else:
        flagged = offences.join(flags, on="offence_id")
    positions = {"offences": _district_positions(offences), "flagged": _district_positions(flagged)}
    if people is not None:
        positions["people"] = _district_positions(people)
    return Frames(ds=ds, offences=offences, people=people, involvement=flags, flagged=flagged, positions=positions,
                  offence_counts=_offence_counts(ds, flagged, list(flags.columns)),
                  people_counts=None if people is None else _people_counts(ds, people),
                  month_counts=_month_counts(ds, offences), hour_counts=_hour_counts(ds, flagged, list(flags.columns)))


OFFENCE_KIND = ("offence_group", "offence_type", "knife_enabled", "sexual_category")
PEOPLE_KIND = ("knife_enabled", "sexual_category")


def _period_masks(ds: Dataset, frame: pd.DataFrame) -> dict[str, np.ndarray]:
    return {n: frame[PERIOD_FLAG + n].to_numpy(dtype=bool) for n in ds.config.periods}


def _kind_columns(frame: pd.DataFrame, names: Iterable[str]) -> dict[str, pd.Series]:
    """The kind columns the frame has; the sexual category folded (blank = not a sexual offence = None)."""
    out = {n: frame[n] for n in names if n in frame.columns}
    if "sexual_category" in out:
        out["sexual_category"] = _folded_or_missing(out["sexual_category"])
    return out


def _folded_or_missing(values: pd.Series) -> pd.Series:
    """``folded_text`` with blank text missing. A categorical column is folded once per category: a categorical
    of the folded values some row has, sorted (so counted with the same labels as the folded text)."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        folded = folded_text(values)
        return folded.where(folded != "")
    labels = [text or None for text in folded_text(pd.Series(values.cat.categories)).to_numpy(dtype=object)]
    return pd.Series(coded_text(values.cat.codes.to_numpy(), labels), index=values.index, name=values.name)


def _offence_counts(ds: Dataset, flagged: pd.DataFrame, cohorts: list[str]) -> CountTable:
    kind = _kind_columns(flagged, OFFENCE_KIND)
    columns = {"district": flagged["district"], **kind, **{c: flagged[c] for c in cohorts}}
    return count_table(columns, [["district"], list(kind), cohorts], _period_masks(ds, flagged))


def _month_counts(ds: Dataset, offences: pd.DataFrame) -> CountTable:
    stamps = offences["occurred_at"]
    kind = _kind_columns(offences, ["sexual_category"])
    columns = {"district": offences["district"], "month": stamps.dt.year * 12 + stamps.dt.month, **kind}
    return count_table(columns, [["district"], ["month", *kind]], _period_masks(ds, offences))


def _hour_counts(ds: Dataset, flagged: pd.DataFrame, cohorts: list[str]) -> CountTable:
    stamps = flagged["occurred_at"]
    columns = {"district": flagged["district"], "week_hour": stamps.dt.day_of_week * 24 + stamps.dt.hour,
               **{c: flagged[c] for c in cohorts}}
    return count_table(columns, [["district"], ["week_hour"], cohorts], _period_masks(ds, flagged))


def month_of_year(month_number: int) -> int:
    """The calendar month (1–12) of a month number of ``month_counts`` (year × 12 + month)."""
    return (month_number - 1) % 12 + 1


def band_of(age: int | None, bands: list[AgeRange]) -> str | None:
    """The label of the (last listed) band holding a whole-year age, as ``band_label_series`` gives it."""
    label = None
    for band in bands:
        if age is not None and age >= band.min_age and (band.max_age is None or age <= band.max_age):
            label = band.label
    return label


def _people_counts(ds: Dataset, people: pd.DataFrame) -> CountTable:
    kind = _kind_columns(people, PEOPLE_KIND)
    ages = pd.to_numeric(people["age"], errors="coerce").astype("Int64")
    columns = {"district": people["district"], **kind, "role": people["role"], "sex": people["sex"], "age": ages}
    axes = [["district"], ["role", "sex"], ["age"]] + ([list(kind)] if kind else [])
    return count_table(columns, axes, _period_masks(ds, people))


def require_prepared(data: Prepared) -> None:
    """Calculators read a Prepared value: say so plainly when handed a Dataset."""
    if not hasattr(data, "frames"):
        raise TypeError(f"a calculator takes snareport.calculators.prepare.prepare(ds), not a {type(data).__name__}")


def _frames(data: Frames | Prepared) -> Frames:
    return data if isinstance(data, Frames) else data.frames


def _in_scope(data: Frames | Prepared, kind: str, scope: Scope) -> pd.DataFrame:
    frames = _frames(data)
    whole = getattr(frames, kind)
    if whole is None:
        raise ValueError(f"the source has no {kind} table")
    return whole if scope.is_county else take_district(whole, frames.positions[kind], scope.district)


def scope_offences(data: Frames | Prepared, scope: Scope) -> pd.DataFrame:
    """Offences in the scope (all of them, or one district's)."""
    return _in_scope(data, "offences", scope)


def scope_people(data: Frames | Prepared, scope: Scope) -> pd.DataFrame:
    """People rows joined to their offence's district and time; people belong to their offence's scope."""
    return _in_scope(data, "people", scope)


# --- cohorts -------------------------------------------------------------------------------------

def age_mask(ages: pd.Series, age_range: AgeRange) -> pd.Series:
    """True where the (possibly missing) age lies in the range; unknown ages are False."""
    return _in_range(pd.to_numeric(ages, errors="coerce").astype("float64"), age_range)


def _in_range(a: pd.Series, age_range: AgeRange) -> pd.Series:
    """``age_mask`` of ages already made float (NaN where unknown)."""
    mask = a >= age_range.min_age
    if age_range.max_age is not None:
        mask &= a <= age_range.max_age
    return mask.fillna(False).astype(bool)


def involvement(ds: Dataset) -> pd.DataFrame:
    """Per offence_id: one bool column per cohort (``under_18`` …) and ``age_unknown``.

    An offence involves a cohort when at least one linked person (victim or suspect) had an age in
    the cohort's range. ``age_unknown`` is True when no linked person has a known age (including
    offences with nobody linked).
    """
    ids = ds.offences["offence_id"]
    cohorts = dict(ds.config.cohorts)
    flags = pd.DataFrame(index=pd.Index(ids, name="offence_id"))
    if ds.people is None:
        for name in cohorts:
            flags[name] = False
        flags["age_unknown"] = True
        return flags
    people = ds.people
    per_person = pd.DataFrame({"offence_id": people["offence_id"]})
    ages = pd.to_numeric(people["age"], errors="coerce")      # made numeric once for every cohort
    as_float = ages.astype("float64")
    for name, rng in cohorts.items():
        per_person[name] = _in_range(as_float, rng)
    per_person["age_known"] = ages.notna().to_numpy()
    rows = offence_positions(ds.offences, people)
    if rows is not None:   # ids are the loader's codes: an offence's flag is set from its people's rows
        found = rows >= 0
        for name in [*cohorts, "age_known"]:
            flag = np.zeros(len(ids), dtype=bool)
            flag[rows[found & per_person[name].to_numpy(dtype=bool)]] = True
            flags[name] = flag
        flags["age_unknown"] = ~flags.pop("age_known")
        return flags
    grouped = per_person.groupby("offence_id", sort=False).any()
    flags = flags.join(grouped, how="left")
    for name in [*cohorts, "age_known"]:
        flags[name] = flags[name].fillna(False).astype(bool)
    flags["age_unknown"] = ~flags.pop("age_known")
    return flags


def ordered_codes(ids: pd.Series) -> np.ndarray:
    """Integer codes of an id column in the order of its values: the ids themselves when they are already the
    loader's codes (integers from 0), else the position of each value among the distinct values, sorted
    (-1 where missing)."""
    values = ids.to_numpy()
    if np.issubdtype(values.dtype, np.integer) and (not len(values) or values.min() >= 0):
        return values.astype(np.int64, copy=False)
    return pd.factorize(ids, sort=True)[0].astype(np.int64)


def offences_with_flags(data: Frames | Prepared, scope: Scope) -> pd.DataFrame:
    """Scope offences with the cohort involvement flags joined on."""
    return _in_scope(data, "flagged", scope)


def harm_of(ds: Dataset | Prepared | Frames, offence_types: pd.Series) -> pd.Series:
    """Harm weight of each offence type (0 for a type missing from the harm weights table)."""
    table = getattr(ds, "ds", ds).harm_weights   # the Dataset itself, or the one a Prepared/Frames holds
    weights = table.drop_duplicates("offence_type").set_index("offence_type")["harm_weight"]
    if isinstance(offence_types.dtype, pd.CategoricalDtype):   # looked up once per type, spread by the codes
        per_type = pd.Series(offence_types.cat.categories.astype("object")).map(weights).astype("float64")
        per_type = per_type.fillna(0.0).to_numpy()
        codes = offence_types.cat.codes.to_numpy()
        return pd.Series(np.where(codes < 0, 0.0, per_type[codes]), index=offence_types.index,
                         name=offence_types.name, dtype="float64")
    return offence_types.astype("object").map(weights).astype("float64").fillna(0.0)


# --- arithmetic ----------------------------------------------------------------------------------

def pct_change(previous: float | None, current: float | None) -> float | None:
    """(current − previous) / previous × 100; None when previous is 0 or either value is missing."""
    if previous is None or current is None:
        return None
    if previous == 0:
        return None
    return (current - previous) / previous * 100.0


def change(previous: float | None, current: float | None) -> Change:
    return Change(previous=_num(previous), current=_num(current), change_pct=pct_change(previous, current))


def count_change(previous: int | None, current: int | None) -> Change:
    """A change between two counts, flagged when it lies within the range expected by chance (Byar)."""
    return Change(previous=_num(previous), current=_num(current), change_pct=pct_change(previous, current),
                  within_noise=within_noise(previous, current))


def share(part: float | None, whole: float | None) -> float | None:
    """part / whole as a fraction, None when whole is 0 or missing."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole


def district_mean(values) -> float | None:
    """The average district: the mean of every district's figure, each district counted once whatever its
    size, to one decimal place (``None`` when there are no districts)."""
    values = [float(v) for v in values]
    return round(sum(values) / len(values), 1) if values else None


def _num(x):
    if x is None:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    if float(x).is_integer() and not isinstance(x, float):
        return int(x)
    return float(x)


def rank_desc(values: pd.Series, tiebreak: pd.Series | None = None) -> pd.Series:
    """Ranks 1..n, highest value first; ties broken by ``tiebreak`` (higher first), then by index name.
    Missing values rank last (within each key)."""
    v = values.to_numpy(dtype="float64", na_value=np.nan)
    t = (tiebreak.to_numpy(dtype="float64", na_value=np.nan) if tiebreak is not None
         else np.zeros(len(v)))
    names = [str(n) for n in values.index]

    def key(i: int) -> tuple:
        return (bool(np.isnan(v[i])), 0.0 if np.isnan(v[i]) else -v[i],
                bool(np.isnan(t[i])), 0.0 if np.isnan(t[i]) else -t[i], names[i])

    order = sorted(range(len(v)), key=key)
    return pd.Series(range(1, len(order) + 1), index=values.index[order])


def ranked_districts(counts: pd.Series, population: pd.Series | None) -> list[Ranked]:
    """Every district's count ranked (1 = highest; ties by name), with its rate per 1,000 residents ranked by
    rate (ties by count) when there is a population (``district_population``); highest count first."""
    ranks = rank_desc(counts)
    rates = (pd.Series({d: rate_per_1000(int(counts[d]), int(population.get(d, 0))) for d in counts.index},
                       dtype="float64") if population is not None else None)
    rate_ranks = rank_desc(rates.fillna(-1.0), counts) if rates is not None else None
    return sorted((Ranked(name=d, value=int(counts[d]), rank=int(ranks[d]),
                          rate_per_1000=None if rates is None or pd.isna(rates[d]) else float(rates[d]),
                          rate_rank=int(rate_ranks[d]) if rate_ranks is not None else None)
                   for d in counts.index), key=lambda r: r.rank)


def district_population(ds: Dataset, age: AgeRange | None = None) -> pd.Series | None:
    """Each district's population in ``population_year`` (every configured district, in config order), of
    the population bands inside ``age`` (all ages when None); None when the source has no population."""
    if ds.population is None or not ds.has("population"):
        return None
    pop = ds.population[ds.population["year"] == ds.config.population_year]
    if age is not None:
        inside = [code for code in pop["age_band"].astype("object").unique()
                  if parse_band(code)[0] >= age.min_age
                  and (age.max_age is not None and parse_band(code)[1] is not None
                       and parse_band(code)[1] <= age.max_age)]
        pop = pop[pop["age_band"].isin(inside)]
    totals = pop.groupby(pop["district"].astype("object"))["population"].sum()
    return totals.reindex(ds.config.districts, fill_value=0).astype(int)


def counts_by_district(ds: Dataset, frame: pd.DataFrame) -> pd.Series:
    """Count rows per district for every configured district (0 where none), in config order."""
    counts = frame["district"].astype("object").value_counts()
    return counts.reindex(ds.config.districts, fill_value=0).astype(int)


def crossed_counts(rows: pd.Series, cols: pd.Series, index: list, columns: list) -> pd.DataFrame:
    """How many rows have each (``rows`` value, ``cols`` value) pair, for the listed values (0 where none):
    ``pd.crosstab(rows, cols).reindex(index=index, columns=columns, fill_value=0)``, counted with one
    ``np.bincount`` instead of pandas' pivot-table machinery."""
    at_row = pd.Index(index).get_indexer(rows.astype("object"))
    at_col = pd.Index(columns).get_indexer(cols.astype("object"))
    listed = (at_row >= 0) & (at_col >= 0)
    counts = np.bincount(at_row[listed] * len(columns) + at_col[listed], minlength=len(index) * len(columns))
    return pd.DataFrame(counts.reshape(len(index), len(columns)).astype("int64"), index=index, columns=columns)


def folded_text(values: pd.Series) -> pd.Series:
    """Stripped lower-case text as Python strings (missing values stay missing). A categorical column is
    folded on its few distinct values, then spread by its codes, instead of once per row."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        folded = pd.Index(values.cat.categories.astype("object")).str.strip().str.lower().to_numpy(dtype=object)
        codes = values.cat.codes.to_numpy()
        out = np.append(folded, np.nan)[np.where(codes < 0, len(folded), codes)]
        return pd.Series(out, index=values.index, dtype="object")
    return values.astype("object").str.strip().str.lower()


def has_text(values: pd.Series) -> np.ndarray:
    """True where a value is text that is not blank (``folded_text`` neither missing nor empty); a categorical
    column is looked at once per category and spread by its codes."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        folded = folded_text(pd.Series(values.cat.categories))
        per_category = np.append((folded.notna() & (folded != "")).to_numpy(dtype=bool), False)
        codes = values.cat.codes.to_numpy()
        return per_category[np.where(codes < 0, len(per_category) - 1, codes)]
    folded = folded_text(values)
    return (folded.notna() & (folded != "")).to_numpy(dtype=bool)


def band_label_series(ages: pd.Series, bands: list[AgeRange]) -> pd.Series:
    """The label of the band each age falls in; NA for unknown ages (or ages outside every band)."""
    out = pd.Series(pd.NA, index=ages.index, dtype="object")
    for band in bands:
        out = out.mask(age_mask(ages, band), band.label)
    return out


def parse_band(text: str) -> tuple[int, int | None]:
    """'10-17' → (10, 17); '25+' → (25, None); '0-24' → (0, 24)."""
    text = str(text).strip()
    if text.endswith("+"):
        return int(text[:-1]), None
    lo, hi = text.replace("–", "-").split("-")
    return int(lo), int(hi)


def population_band_map(bands: list[AgeRange], codes: Iterable[str]) -> dict[str, str]:
    """Map population-table band codes ('10-17') to the configured band labels with the same bounds."""
    by_bounds = {(b.min_age, b.max_age): b.label for b in bands}
    return {code: by_bounds[parse_band(code)] for code in codes if parse_band(code) in by_bounds}
