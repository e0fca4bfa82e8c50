"""Typed tables × ReportConfig → cross-row and cross-table problems: duplicates, orphans, missing lookups."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from snareport.config import ReportConfig
from snareport.loading.problems import ProblemLog, shown
from snareport.loading.schema import CONTRACT
from snareport.loading.tables import TypedTable


def check_unique_keys(table: TypedTable, log: ProblemLog, known_unique: bool = False) -> None:
    """Rows repeating the table's key (e.g. a second offence_id) are problems; the first one is not.
    ``known_unique``: the key is already known to be given once in every row (nothing to look for)."""
    key = list(CONTRACT[table.name].unique)
    if known_unique or not key or not set(key) <= table.usable:
        return
    if len(key) == 1 and isinstance(table.frame[key[0]].array, pd.arrays.ArrowStringArray):
        column = arrow_text(table.frame[key[0]])
        if len(pc.unique(column)) == len(column):    # every key once (one hash pass, no per-row objects)
            return
    frame = table.frame[key]
    repeated = frame.duplicated(keep="first").to_numpy()
    if not repeated.any():
        return
    rows = pd.Series(frame.index, index=frame.index)
    first = rows.groupby([frame[k] for k in key], dropna=False, sort=False).transform("min")[repeated]
    dupes = frame[repeated]
    values = [
        f"{_describe_key(key, keys)} again (first at row {int(row)})"
        for keys, row in zip(dupes.itertuples(index=False, name=None), first)
    ]
    log.add_rows(table.label, key[0], dupes.index, values, f"one row per {' × '.join(key)}", describe=str)


def _describe_key(key: list[str], values: tuple) -> str:
    return ", ".join(f"{k} {shown(v)}" for k, v in zip(key, values))


def _found_in(values: pd.Series, known: pd.Series) -> pd.Series:
    """Which values appear among the known ones (an Arrow kernel; pandas' isin is slow on Arrow text). A
    categorical column is looked up once per category and spread by its codes."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        per_category = _found_in(pd.Series(values.cat.categories), known).to_numpy()
        codes = values.cat.codes.to_numpy()
        return pd.Series(np.append(per_category, False)[np.where(codes < 0, len(per_category), codes)],
                         index=values.index)
    hits = pc.is_in(pa.array(values, from_pandas=True), value_set=pa.array(known.dropna().unique(), from_pandas=True))
    return pd.Series(pc.fill_null(hits, False).to_numpy(zero_copy_only=False), index=values.index)


def offence_rows(people: TypedTable, offences: TypedTable) -> tuple[np.ndarray, bool] | None:
    """For each people row, the row number (0-based) of its offence in the offences table (-1 when its
    offence_id is blank or not there), and whether every offence_id is given once (not blank). None when
    either offence_id column is unusable.

    Both id columns are hashed in one pass (a dictionary encoding of the offences' ids followed by the people's):
    when every offence id is new where it stands, its code is its row number and a person's code is the row of
    their offence."""
    if "offence_id" not in people.usable or "offence_id" not in offences.usable:
        return None
    ids, wanted = arrow_text(offences.frame["offence_id"]), arrow_text(people.frame["offence_id"])
    codes = pc.fill_null(pc.dictionary_encode(pa.concat_arrays([ids, wanted])).indices, -1).to_numpy()
    n = len(ids)
    if np.array_equal(codes[:n], np.arange(n)):
        rows = codes[n:].astype(np.int64)
        return np.where(rows < n, rows, -1), True
    found = pc.index_in(wanted, value_set=ids)    # a repeated or blank offence id: the first row with each id
    return pc.fill_null(found, -1).to_numpy().astype(np.int64), False


def arrow_text(column: pd.Series) -> pa.Array:
    """A text column as one Arrow array (no copy of an Arrow-backed column's chunks when there is one)."""
    array = column.array._pa_array if isinstance(column.array, pd.arrays.ArrowStringArray) \
        else pa.array(column, from_pandas=True)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def check_people_link_to_offences(people: TypedTable, offences: TypedTable, log: ProblemLog,
                                  rows: np.ndarray | None = None) -> None:
    """People whose offence_id is not in the offences table. ``rows`` is :func:`offence_rows`, when known."""
    if "offence_id" not in people.usable or "offence_id" not in offences.usable:
        return
    ids = people.frame["offence_id"]
    if rows is None:
        rows = offence_rows(people, offences)[0]  # type: ignore[index]  # both offence_id columns are usable
    orphan = (ids.notna() & (rows < 0)).to_numpy()
    if orphan.any():
        log.add_rows(
            people.label,
            "offence_id",
            ids.index[orphan],
            ids[orphan].tolist(),
            f"an offence_id present in {offences.label}",
        )


def check_harm_weights_cover_types(offences: TypedTable, weights: TypedTable, log: ProblemLog) -> None:
    if "offence_type" not in offences.usable or "offence_type" not in weights.usable:
        return
    types = offences.frame["offence_type"]
    unweighted = (types.notna() & ~_found_in(types, weights.frame["offence_type"])).to_numpy()
    if unweighted.any():
        log.add_rows(
            offences.label,
            "offence_type",
            types.index[unweighted],
            types[unweighted].tolist(),
            f"an offence type that has a harm weight in {weights.label}",
        )


def check_unit_costs_cover_groups(
    offences: TypedTable, costs: TypedTable, config: ReportConfig, log: ProblemLog
) -> None:
    needed = {"offence_group", "price_year"}
    if "offence_group" not in offences.usable or not needed <= costs.usable:
        return
    year = config.costs.savings_price_year
    priced = set(costs.frame.loc[costs.frame["price_year"] == year, "offence_group"].dropna().unique())
    groups = sorted(set(config.costs.groups) - priced)
    for group in groups:
        log.add(
            costs.label,
            None,
            "offence_group",
            f"no unit cost for offence group {shown(group)} at price year {year}",
            "a row for every offence group named in costs.groups at costs.savings_price_year (report.yaml)",
        )


def check_periods_have_offences(offences: TypedTable, config: ReportConfig, log: ProblemLog) -> None:
    """Every period a comparison uses must contain at least one offence."""
    if "occurred_at" not in offences.usable:
        return
    dates = offences.frame["occurred_at"].dropna()
    if dates.empty:
        log.add(offences.label, None, "occurred_at", "no offences at all (no row with a date)",
                "the offences of every period that report.yaml comparisons use")
        return
    days = dates.dt.normalize()
    used = sorted({name for _, names in config.comparisons if names for name in names})
    for name in used:
        period = config.periods[name]
        inside = (days >= pd.Timestamp(period.start)) & (days <= pd.Timestamp(period.end))
        if not inside.any():
            log.add(
                offences.label,
                None,
                "occurred_at",
                f"no offences in period {name} ({period.label}: {period.start} to {period.end})",
                "offences in every period that report.yaml comparisons use",
            )


def check_population_year(population: TypedTable, config: ReportConfig, log: ProblemLog) -> None:
    """Each district needs population rows for report.yaml's population_year."""
    if not {"district", "year"} <= population.usable:
        return
    frame = population.frame
    present = set(frame.loc[frame["year"] == config.population_year, "district"].dropna().unique())
    for district in config.districts:
        if district not in present:
            log.add(
                population.label,
                None,
                "district",
                f"no population rows for {district} in {config.population_year}",
                "rows for every district at population_year (report.yaml)",
            )


def check_admission_districts_filled(admissions: TypedTable, log: ProblemLog) -> None:
    """The optional district column is filled in every row or left blank in every row."""
    if "district" not in admissions.usable:
        return
    district = admissions.frame["district"]
    blank = district.isna().to_numpy()
    if blank.any() and not blank.all():
        rows = district.index[blank]
        log.add_rows(
            admissions.label,
            "district",
            rows,
            ["a blank cell while other rows name a district"] * len(rows),
            "a district in every row, or the column blank in every row",
            describe=str,
        )


def check_offence_dates(offences: TypedTable, config: ReportConfig, log: ProblemLog) -> None:
    """Offence dates outside the plausible range (report.yaml ``earliest_date`` to the publication date) are
    problems: a date in 1900 or 2100 is a typing or export fault, not an offence."""
    if "occurred_at" not in offences.usable:
        return
    dates = offences.frame["occurred_at"]
    low, high = pd.Timestamp(config.earliest_date), pd.Timestamp(config.publication_date) + pd.Timedelta(days=1)
    outside = dates.notna() & ((dates < low) | (dates >= high))
    if outside.any():
        log.add_rows(offences.label, "occurred_at", dates.index[outside.to_numpy()], list(dates[outside]),
                     f"a date from {config.earliest_date} (report.yaml earliest_date) to the publication date "
                     f"{config.publication_date}", describe=lambda v: f"{v:%Y-%m-%d}")


def check_drawable_text(table: TypedTable, log: ProblemLog) -> None:
    """Text the report prints must be drawable by its fonts: a character they lack would print as an empty box."""
    from snareport.loading.glyphs import EXPECTED, describe, undrawable_in

    for column in CONTRACT[table.name].columns:
        if column.kind != "text" or column.name not in table.usable:
            continue
        values = table.frame[column.name]
        distinct = [str(v) for v in pd.unique(values.dropna())]
        for value, char in undrawable_in(distinct):
            row = int(values.index[(values == value).to_numpy()][0])
            log.add(table.label, row, column.name, f"{shown(value)} with the character {describe(char)}", EXPECTED)
