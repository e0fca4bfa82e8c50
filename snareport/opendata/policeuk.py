"""police.uk street-level crime CSVs → a dataset folder in our input contract, plus an ImportSummary.

Nothing is dropped silently: every row read is either kept as an offence or set aside for exactly
one counted reason. Month precision is kept as it is published (``occurred_at`` = ``YYYY-MM``).
"""
from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from snareport.errors import DataError, Problem
from snareport.opendata.areas import AreaDefinition, area_from_data, find_area
from snareport.opendata.periods import Month, month_span, periods_and_comparisons, runs_label
from snareport.opendata.population import read_population
from snareport.opendata.reading import expand_paths, read_street_files
from snareport.opendata.writing import write_dataset

SOURCE_NAME = "police.uk street-level crime"

# Why a row was set aside, in the order the checks are applied (a row gets the first that fits).
REASONS: dict[str, str] = {
    "asb_no_crime_id": "anti-social behaviour incidents (published without a Crime ID; not recorded crimes)",
    "no_crime_id": "crimes without a Crime ID",
    "no_location": "no LSOA or coordinates (police.uk could not place them)",
    "outside_area": "LSOA in a local authority outside the area",
    "not_serious_violence": "crimes of police.uk types this edition does not count",
    "duplicate_crime_id": "repeats of a Crime ID already kept (the first was kept)",
}

# Fields of our contract that police.uk does not publish; the tables it supplies.
ABSENT_FIELDS = ("offences.time_of_day", "offences.knife_enabled", "offences.sexual_category")
PRESENT_TABLES = ("offences", "harm_weights")

_LSOA_NAME = re.compile(r"^(?P<district>.*\S)\s+\d{3}[A-Z]$")


@dataclass(frozen=True)
class ImportSummary:
    """What an import read, kept and set aside (each kind counted), and what it wrote."""

    files: tuple[str, ...]
    area: str
    districts: tuple[str, ...]
    months: tuple[str, ...]
    rows_read: int
    rows_kept: int
    set_aside: dict[str, int]
    set_aside_by_crime_type: dict[str, int]
    outside_area_by_authority: dict[str, int]
    duplicates_across_months: int
    kept_by_crime_type: dict[str, int]
    kept_by_district: dict[str, int]
    periods: dict[str, str]                        # period name → label
    period_months: dict[str, tuple[str, str]]      # period name → (first month, last month), YYYY-MM
    out_dir: Path
    seconds: float = field(default=0.0, compare=False)

    @property
    def rows_set_aside(self) -> int:
        return sum(self.set_aside.values())

    def months_text(self) -> list[str]:
        """Which months were imported, which are missing between them, and what each figure uses."""
        months = [Month.parse(m) for m in self.months]
        missing = sorted(set(month_span(months[0], months[-1])) - set(months))
        main, previous, current = (self.periods.get(k, "") for k in ("main_period", "previous_period",
                                                                      "current_period"))
        used = set()
        for first, last in self.period_months.values():
            used.update(month_span(Month.parse(first), Month.parse(last)))
        unused = sorted(set(months) - used)
        lines = [f"Months imported: {runs_label(months)} ({len(months)} months)"
                 + (f"; not in the files: {runs_label(missing)}." if missing else "."),
                 f"Main period: {main}. Year on year: {current} against {previous}, the months present in both "
                 "years. The monthly trend shows every month imported.",
                 "Months in neither the main period nor the year-on-year comparison (trend only): "
                 + (runs_label(unused) if unused else "none") + "."]
        return lines

    def notes(self) -> list[str]:
        """The data-quality note printed in the report: plain sentences, no paths or timings."""
        first, last = self.months[0], self.months[-1]
        kept = ", ".join(self.kept_by_crime_type)
        notes = [
            f"This edition uses {SOURCE_NAME} data published on data.police.uk under the Open Government "
            f"Licence v3.0: {len(self.files)} monthly files from {first} to {last} "
            f"({len(self.months)} months), {self.rows_read:,} rows.",
            *self.months_text(),
            f"{self.rows_kept:,} rows were kept ({kept}) in the "
            f"{len(self.districts)} districts of {self.area}; {self.rows_set_aside:,} were set aside and counted:",
        ]
        for reason, count in self.set_aside.items():
            if not count:
                continue
            line = f"{count:,} {REASONS[reason]}"
            if reason == "outside_area" and self.outside_area_by_authority:
                line += " (" + ", ".join(f"{k} {v:,}" for k, v in self.outside_area_by_authority.items()) + ")"
            if reason == "not_serious_violence" and self.set_aside_by_crime_type:
                line += " (" + ", ".join(f"{k} {v:,}" for k, v in self.set_aside_by_crime_type.items()) + ")"
            if reason == "duplicate_crime_id" and count:
                line += f"; {self.duplicates_across_months:,} of them repeated from an earlier month"
            notes.append(line + ".")
        notes.append(
            "police.uk publishes the month of each crime but not its day or time, and nothing about the "
            "people involved, weapons used or hospital admissions. Locations are approximate, moved to a "
            "nearby anonymous point."
        )
        return notes

    def record(self) -> dict:
        """What import_summary.yaml keeps of the import."""
        return {
            "files": list(self.files),
            "months": list(self.months),
            "rows_read": self.rows_read,
            "rows_kept": self.rows_kept,
            "set_aside": self.set_aside,
            "set_aside_by_crime_type": self.set_aside_by_crime_type,
            "outside_area_by_authority": self.outside_area_by_authority,
            "duplicates_across_months": self.duplicates_across_months,
            "kept_by_crime_type": self.kept_by_crime_type,
            "kept_by_district": self.kept_by_district,
            "periods": {name: {"label": label, "first_month": self.period_months[name][0],
                               "last_month": self.period_months[name][1]}
                        for name, label in self.periods.items()},
        }

    def to_text(self) -> str:
        """The summary the command line prints."""
        width = max(len(f"{self.rows_read:,}"), 1)
        lines = [
            f"Imported {SOURCE_NAME}: {len(self.files)} files, months {self.months[0]} to {self.months[-1]}",
            f"  area: {self.area} ({len(self.districts)} districts)",
            f"  rows read          {self.rows_read:>{width},}",
            f"  rows kept          {self.rows_kept:>{width},}",
            f"  rows set aside     {self.rows_set_aside:>{width},}",
        ]
        for reason, count in self.set_aside.items():
            lines.append(f"    {count:>{width},}  {REASONS[reason]}")
            if reason == "outside_area":
                lines += [f"    {'':>{width}}    {k}: {v:,}" for k, v in self.outside_area_by_authority.items()]
            if reason == "not_serious_violence":
                lines += [f"    {'':>{width}}    {k}: {v:,}" for k, v in self.set_aside_by_crime_type.items()]
            if reason == "duplicate_crime_id" and count:
                lines.append(f"    {'':>{width}}    of which repeated from an earlier month: "
                             f"{self.duplicates_across_months:,}")
        lines.append("  kept by crime type: " + ", ".join(f"{k} {v:,}" for k, v in self.kept_by_crime_type.items()))
        lines.append("  periods: " + "; ".join(f"{k} = {v}" for k, v in self.periods.items()))
        lines += ["  " + line for line in self.months_text()]
        lines.append(f"  written to {self.out_dir} in {self.seconds:.2f} s")
        return "\n".join(lines)


def load_crime_types(include_public_order: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    """(kept crime type → offence group, set-aside crime type → reason) from crime_types.yaml.

    Public order is kept only when ``include_public_order`` (see docs/policeuk.md for why)."""
    text = resources.files("snareport.opendata").joinpath("crime_types.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    kept = {crime_type: body["offence_group"] for crime_type, body in raw["kept"].items()}
    set_aside = dict(raw["set_aside"])
    if include_public_order:
        for crime_type, body in raw["opt_in"].items():
            kept[crime_type] = body["offence_group"]
            set_aside.pop(crime_type, None)
    return kept, set_aside


def categories_phrase(crime_types: list[str]) -> str:
    """'violence and sexual offences, robbery and possession of weapons' (police.uk's names, in order)."""
    names = [t[:1].lower() + t[1:] for t in crime_types]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def load_harm_weights() -> pd.DataFrame:
    """CCHI harm weights (days) per police.uk crime type, with their source."""
    with resources.files("snareport.opendata").joinpath("cchi_policeuk.csv").open("r", encoding="utf-8") as f:
        return pd.read_csv(f, dtype={"crime_type": str, "harm_weight": float, "source": str})


def district_of(lsoa_names: pd.Series) -> pd.Series:
    """Local-authority prefix of 2021 LSOA names ("Folkestone and Hythe 011A" → "Folkestone and Hythe")."""
    extracted = lsoa_names.str.extract(_LSOA_NAME)["district"]
    return extracted.fillna(lsoa_names)


def classify_rows(rows: pd.DataFrame, districts: list[str], kept_types: dict[str, str]) -> pd.Series:
    """The reason each row is set aside (see REASONS), or "" for a row that is kept."""
    reason = pd.Series("", index=rows.index, dtype=object)

    def mark(mask: pd.Series, name: str) -> None:
        reason[(reason == "") & mask] = name

    no_id = rows["Crime ID"] == ""
    mark(no_id & (rows["Crime type"] == "Anti-social behaviour"), "asb_no_crime_id")
    mark(no_id, "no_crime_id")
    located = (rows["LSOA code"] != "") & (rows["LSOA name"] != "") & (rows["Longitude"] != "") & (rows["Latitude"] != "")
    mark(~located, "no_location")
    mark(~rows["district"].isin(districts), "outside_area")
    mark(~rows["Crime type"].isin(kept_types), "not_serious_violence")
    candidates = reason == ""
    repeated = rows.loc[candidates, "Crime ID"].duplicated(keep="first")
    mark(repeated.reindex(rows.index, fill_value=False), "duplicate_crime_id")
    return reason


def import_files(
    paths: list[Path],
    out_dir: Path,
    area: str = "Kent and Medway",
    *,
    districts: list[str] | None = None,
    area_file: Path | None = None,
    min_district_share: float = 0.005,
    publication_date: dt.date | None = None,
    theme: str | None = None,
    include_public_order: bool = False,
    population: Path | None = None,
    population_year: int | None = None,
) -> ImportSummary:
    """Turn police.uk street-level CSV files (or folders of them) into a dataset folder at ``out_dir``.

    The area's districts come from its definition in areas.yaml (or ``area_file``); ``districts``
    overrides them; for an undefined area they are the local authorities holding at least
    ``min_district_share`` of the located rows. Public order crimes are kept only with
    ``include_public_order``. ``population`` is an ONS mid-year estimates CSV (see
    :mod:`snareport.opendata.population`) for the year ``population_year``; it gives rates per 1,000
    residents. ``publication_date`` defaults to today (or SOURCE_DATE_EPOCH when set), written into
    report.yaml so that every build from the folder prints the same date. Raises DataError for
    unreadable input.
    """
    started = time.perf_counter()
    if population is not None and population_year is None:
        raise DataError(Problem(Path(population).name, None, None, "no year given for the population estimates",
                                "the year the estimates are for (--population-year)"))
    files = expand_paths(list(paths))
    rows = read_street_files(files)
    if rows.empty:
        raise DataError("the police.uk files hold no rows")
    kept_types, _ = load_crime_types(include_public_order)
    rows["district"] = district_of(rows["LSOA name"])
    definition = _resolve_area(area, rows, districts, area_file, min_district_share)
    reason = classify_rows(rows, definition.districts, kept_types)

    kept = rows[reason == ""]
    offences = pd.DataFrame({
        "offence_id": kept["Crime ID"].to_numpy(),
        "occurred_at": kept["Month"].to_numpy(),
        "district": kept["district"].to_numpy(),
        "offence_group": kept["Crime type"].map(kept_types).to_numpy(),
        "offence_type": kept["Crime type"].to_numpy(),
        "lsoa_code": kept["LSOA code"].to_numpy(),
    })
    weights = load_harm_weights()
    weights = weights[weights["crime_type"].isin(kept_types)].rename(columns={"crime_type": "offence_type"})
    residents = None
    if population is not None:
        if set(definition.codes) != set(definition.districts):
            raise DataError(Problem(Path(population).name, None, None,
                                    f"no ONS codes for the districts of {definition.name}",
                                    "an area with `codes` in areas.yaml (or --area-file)"))
        residents = read_population(Path(population), {d: definition.codes[d] for d in definition.districts},
                                    int(population_year))

    months = sorted(rows["Month"].unique())
    try:
        periods, comparisons = periods_and_comparisons(set(months))
    except ValueError as exc:
        raise DataError(f"the police.uk files cover {months[0]} to {months[-1]}: {exc}") from None

    summary = _summarise(files, rows, reason, definition, offences, periods, Path(out_dir))
    config = _report_config(definition, periods, comparisons, summary, publication_date or _today(), theme,
                            list(kept_types), population_year if residents is not None else None)
    write_dataset(Path(out_dir), offences, weights, config, summary.record(), residents)
    return _with_seconds(summary, time.perf_counter() - started)


def _resolve_area(area: str, rows: pd.DataFrame, districts: list[str] | None, area_file: Path | None,
                  min_share: float) -> AreaDefinition:
    located = rows[(rows["LSOA name"] != "") & (rows["Crime ID"] != "")]
    definition = find_area(area, area_file)
    if districts:
        from snareport.config import Authority

        force = definition.force if definition else _main_force(rows)
        return AreaDefinition(name=area, force=force, theme=definition.theme if definition else None,
                              codes={d: c for d, c in (definition.codes if definition else {}).items() if d in districts},
                              authorities=[Authority(name=area, short_name=area, districts=list(districts))])
    if definition is not None:
        return definition
    if located.empty:
        raise DataError("no row in the police.uk files has a location, so no district can be found")
    return area_from_data(area, _main_force(rows), Counter(located["district"]), min_share)


def _main_force(rows: pd.DataFrame) -> str:
    forces = rows["Falls within"].value_counts()
    return str(forces.index[0]) if len(forces) else "police force"


def _summarise(files: list[Path], rows: pd.DataFrame, reason: pd.Series, definition: AreaDefinition,
               offences: pd.DataFrame, periods: dict[str, dict], out_dir: Path) -> ImportSummary:
    counts = Counter(reason)
    set_aside = {name: int(counts.get(name, 0)) for name in REASONS}
    by_type = rows.loc[reason == "not_serious_violence", "Crime type"].value_counts()
    outside = rows.loc[reason == "outside_area", "district"].value_counts()
    duplicated = rows[reason == "duplicate_crime_id"]
    first_month = rows[reason == ""].set_index("Crime ID")["Month"]
    across = int((duplicated["Month"].to_numpy() != first_month.reindex(duplicated["Crime ID"]).to_numpy()).sum())
    summary = ImportSummary(
        files=tuple(f.name for f in files),
        area=definition.name,
        districts=tuple(definition.districts),
        months=tuple(sorted(rows["Month"].unique())),
        rows_read=len(rows),
        rows_kept=len(offences),
        set_aside=set_aside,
        set_aside_by_crime_type=_sorted_counts(by_type),
        outside_area_by_authority=_sorted_counts(outside),
        duplicates_across_months=across,
        kept_by_crime_type=_sorted_counts(offences["offence_type"].value_counts()),
        kept_by_district={d: int((offences["district"] == d).sum()) for d in definition.districts},
        periods={name: p["label"] for name, p in periods.items()},
        period_months={name: (f"{p['start']:%Y-%m}", f"{p['end']:%Y-%m}") for name, p in periods.items()},
        out_dir=out_dir,
    )
    if summary.rows_kept + summary.rows_set_aside != summary.rows_read:  # every row accounted for
        raise AssertionError("import lost rows: kept + set aside != read")
    return summary


def _sorted_counts(counts: pd.Series) -> dict[str, int]:
    """Largest first, ties by name, so the summary reads the same every time."""
    return dict(sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0])))


def _with_seconds(summary: ImportSummary, seconds: float) -> ImportSummary:
    from dataclasses import replace

    return replace(summary, seconds=seconds)


def _today() -> dt.date:
    """The publication date when none is given: today, or SOURCE_DATE_EPOCH's day when it is set
    (the reproducible-builds convention), so a rebuilt import can print the same date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


ATTRIBUTION = ("Contains public sector information licensed under the Open Government Licence v3.0: "
               "police recorded crime from data.police.uk.")


def _report_config(definition: AreaDefinition, periods: dict[str, dict], comparisons: dict[str, list[str]],
                   summary: ImportSummary, publication_date: dt.date, theme: str | None,
                   crime_types: list[str], population_year: int | None) -> dict:
    """The report.yaml mapping for the imported data (validated by ReportConfig when loaded)."""
    main = periods["main_period"]
    covered = [Month.parse(m) for m in summary.months]
    missing = sorted(set(month_span(covered[0], covered[-1])) - set(covered))
    return {
        "area": definition.name,
        "partnership": f"{definition.name}: open data edition",
        "title": "Violence, robbery and weapons offences in police.uk open data",
        "edition": f"Open data edition, {main['label']}",
        "publication_date": publication_date,
        "language": "en-GB",
        "theme": theme or definition.theme or "open_data",
        "audience": "public",
        "disclosure_threshold": 5,
        "protective_marking": {"public": "", "partners": ""},
        "authorities": [a.model_dump() for a in definition.authorities],
        "periods": periods,
        "main_period": "main_period",
        "comparisons": comparisons,
        "cohorts": {
            "under_18": {"label": "under 18s", "min_age": 0, "max_age": 17},
            "age_18_25": {"label": "ages 18–25", "min_age": 18, "max_age": 25},
            "under_25": {"label": "under 25s", "min_age": 0, "max_age": 24},
        },
        "age_bands": [
            {"label": "under 10", "min_age": 0, "max_age": 9},
            {"label": "10–17", "min_age": 10, "max_age": 17},
            {"label": "18–24", "min_age": 18, "max_age": 24},
            {"label": "25+", "min_age": 25, "max_age": None},
        ],
        "suspect_age_bands": [
            {"label": "under 18", "min_age": 0, "max_age": 17},
            {"label": "18+", "min_age": 18, "max_age": None},
        ],
        "source_note": (
            f"Street-level crime from police.uk ({definition.force or 'police'} files, "
            f"{runs_label(covered)}), data.police.uk, Open Government Licence v3.0. Harm weights: Cambridge "
            f"Crime Harm Index by police.uk category."
            + (f" Residents: ONS mid-{population_year} population estimates." if population_year else "")
        ),
        # Rates use the population table's year; report.yaml requires one even without it.
        "population_year": population_year or Month.parse(summary.months[-1]).year,
        "costs": {"savings_price_year": "2015/16", "minimum_price_year": "2015/16"},
        "source": {
            "name": SOURCE_NAME,
            "tables": list(PRESENT_TABLES) + (["population"] if population_year else []),
            "fields_absent": list(ABSENT_FIELDS),
            "data_quality": summary.notes(),
            "months": list(summary.months),
            "months_missing": [str(m) for m in missing],
            "categories": list(crime_types),
            "counted": (f"crimes in police.uk's {categories_phrase(crime_types)} categories, which are broader "
                        "than the Serious Violence Duty's definition of serious violence"),
            "attribution": ATTRIBUTION,
            "population_source": f"ONS mid-{population_year} population estimates" if population_year else "",
        },
    }
