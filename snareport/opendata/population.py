"""An ONS mid-year population estimates CSV → the population table of our input contract
(district × age band × year) for an area's districts.

Accepted files (one row per local authority × sex × single year of age, summed here):
- ``lad_code, [lad_name,] [sex,] age, population`` — e.g. the Kent and Medway extract of the ONS
  mid-2011 estimates (``kent_medway_mye2011_by_sex_single_year_age.csv``); age ``90+`` is allowed;
- Nomis dataset NM_2002_1 ("Population estimates - local authority based by single year of age"):
  ``GEOGRAPHY_CODE, GENDER, C_AGE, OBS_VALUE`` with C_AGE 101 = age 0 … 191 = age 90+ (other
  C_AGE codes, which are totals or bands, and GENDER 0, persons, are left out so nothing counts twice).

Local authorities are matched by their ONS code (``codes`` in areas.yaml), so a renamed district
(Shepway → Folkestone and Hythe) still matches. The file does not say its year: the caller names it.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from snareport.errors import DataError, Problem

AGE_BANDS = (("0-9", 0, 9), ("10-17", 10, 17), ("18-24", 18, 24), ("25+", 25, None))


def read_population(path: Path, codes: dict[str, str], year: int) -> pd.DataFrame:
    """The contract's population rows (district, age_band, year, population) for every district in
    ``codes`` (district → ONS code). Raises DataError naming the file when it cannot be used."""
    path = Path(path)
    if not path.is_file():
        raise DataError(Problem(path.name, None, None, "no such file", "an ONS mid-year estimates CSV"))
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, sep=sep, encoding="utf-8-sig")
    raw.columns = [c.strip() for c in raw.columns]
    if {"GEOGRAPHY_CODE", "C_AGE", "OBS_VALUE"} <= set(raw.columns):
        frame = _nomis(raw)
    elif {"lad_code", "age", "population"} <= set(raw.columns):
        frame = pd.DataFrame({"code": raw["lad_code"].str.strip(), "age": raw["age"].str.strip(),
                              "population": raw["population"].str.strip()})
        frame["age"] = frame["age"].str.rstrip("+")
    else:
        raise DataError(Problem(path.name, 1, None, "columns " + ", ".join(raw.columns),
                                "lad_code, age, population (ONS mid-year estimates) or Nomis NM_2002_1's "
                                "GEOGRAPHY_CODE, GENDER, C_AGE, OBS_VALUE"))
    age = pd.to_numeric(frame["age"], errors="coerce")
    people = pd.to_numeric(frame["population"], errors="coerce")
    bad = age.isna() | people.isna() | (people < 0)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0]) + 2
        raise DataError(Problem(path.name, row, "age/population", "a value that is not a whole number",
                                "whole-number ages and populations"))
    frame = frame.assign(age=age.astype(int), population=people.astype("int64"))
    by_code = {code: district for district, code in codes.items()}
    frame = frame[frame["code"].isin(by_code)]
    missing = sorted(d for d, c in codes.items() if c not in set(frame["code"]))
    if missing:
        raise DataError(Problem(path.name, None, "lad_code", "no rows for " + ", ".join(
            f"{d} ({codes[d]})" for d in missing), "a row for every district of the area"))
    band = pd.Series("", index=frame.index)
    for label, low, high in AGE_BANDS:
        band[(frame["age"] >= low) & ((frame["age"] <= high) if high is not None else True)] = label
    table = (frame.assign(district=frame["code"].map(by_code), age_band=band)
             .groupby(["district", "age_band"], sort=False)["population"].sum().reset_index())
    order = {d: i for i, d in enumerate(codes)}
    bands = {b[0]: i for i, b in enumerate(AGE_BANDS)}
    table = table.sort_values(["district", "age_band"], key=lambda s: s.map(order if s.name == "district" else bands))
    return pd.DataFrame({"district": table["district"].to_numpy(), "age_band": table["age_band"].to_numpy(),
                         "year": year, "population": table["population"].to_numpy()})


def _nomis(raw: pd.DataFrame) -> pd.DataFrame:
    code = pd.to_numeric(raw["C_AGE"], errors="coerce")
    keep = code.between(101, 191)
    if "GENDER" in raw.columns:
        keep &= raw["GENDER"].str.strip().isin(["1", "2"])
    rows = raw[keep]
    return pd.DataFrame({"code": rows["GEOGRAPHY_CODE"].str.strip(),
                         "age": (pd.to_numeric(rows["C_AGE"]) - 101).astype(str),
                         "population": rows["OBS_VALUE"].str.strip()})
