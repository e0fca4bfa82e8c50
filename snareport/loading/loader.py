"""Dataset folder → Dataset: read report.yaml, the tables and content/, validate everything, raise one DataError."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from snareport.config import ReportConfig
from snareport.dataset import TABLES, Dataset, PeriodGap, coded_text
from snareport.errors import DataError, Problem
from snareport.formatting import month_list
from snareport.loading import crosschecks
from snareport.loading.config_file import read_config
from snareport.loading.content import load_content
from snareport.loading.coverage import months_present, period_gaps
from snareport.loading.crosschecks import arrow_text
from snareport.loading.files import read_tables
from snareport.loading.problems import ProblemLog
from snareport.loading.schema import CONTRACT, OPTIONAL_FIELDS
from snareport.loading.tables import TypedTable, TypingContext, type_table

CONTENT_DIR = "content"


def load_dataset(path: str | Path) -> Dataset:
    """Read and validate a dataset folder (tables, report.yaml, content/). Raises DataError."""
    return load(Path(path))


def load(path: Path) -> Dataset:
    """Read and validate a dataset folder; raise DataError listing every problem found."""
    folder = Path(path)
    if not folder.is_dir():
        raise DataError(Problem(str(path), None, None, "no such folder", "a dataset folder (docs/data-contract.md)"))
    log = ProblemLog()
    config = read_config(folder, log)
    source = config.source if config is not None else None
    wanted = list(source.tables) if source is not None and source.tables is not None else list(TABLES)
    wanted = [name for name in TABLES if name in wanted]
    fields_absent = frozenset(source.fields_absent) if source is not None else frozenset()
    context = TypingContext(tuple(config.districts) if config is not None else None, fields_absent)

    coded = {"offences": ("district", *CODED_TEXT["offences"]), "people": CODED_TEXT["people"]}
    raw = read_tables(folder, wanted, log, coded)   # coded text read from Parquet as categoricals
    typed = {name: type_table(raw.pop(name), CONTRACT[name], context, log, coded.get(name, ()))
             for name in wanted if name in raw}
    del raw
    linked = crosschecks.offence_rows(typed["people"], typed["offences"]) \
        if "people" in typed and "offences" in typed else None
    links = linked[0] if linked is not None else None
    _cross_check(typed, config, log, links, offence_ids_unique=linked is not None and linked[1])
    gaps = _period_gaps(typed, config, log)
    content, district_content = _load_content(folder, config, log)
    if log:
        raise DataError(log.problems, every=log.every)
    assert config is not None  # a missing or invalid report.yaml is always a logged problem
    frames = _integer_codes({name: _final_frame(name, t, config) for name, t in typed.items()}, links)
    return Dataset(
        config=config,
        content=content,
        district_content=district_content,
        available=_available(typed, fields_absent),
        source_name=source.name if source is not None else "",
        data_quality=list(source.data_quality) if source is not None else [],
        period_gaps=gaps,
        **frames,
    )


def _cross_check(typed: dict[str, TypedTable], config: ReportConfig | None, log: ProblemLog,
                 links: np.ndarray | None = None, offence_ids_unique: bool = False) -> None:
    for table in typed.values():
        crosschecks.check_unique_keys(table, log, known_unique=table.name == "offences" and offence_ids_unique)
        crosschecks.check_drawable_text(table, log)
    offences = typed.get("offences")
    if "hospital_admissions" in typed:
        crosschecks.check_admission_districts_filled(typed["hospital_admissions"], log)
    if offences is None:
        return
    if "people" in typed:
        crosschecks.check_people_link_to_offences(typed["people"], offences, log, links)
    if "harm_weights" in typed:
        crosschecks.check_harm_weights_cover_types(offences, typed["harm_weights"], log)
    if config is None:
        return
    if "unit_costs" in typed:
        crosschecks.check_unit_costs_cover_groups(offences, typed["unit_costs"], config, log)
    if "population" in typed:
        crosschecks.check_population_year(typed["population"], config, log)
    crosschecks.check_periods_have_offences(offences, config, log)
    crosschecks.check_offence_dates(offences, config, log)


DATED = {"offences": "occurred_at", "hospital_admissions": "month"}


def _period_gaps(typed: dict[str, TypedTable], config: ReportConfig | None, log: ProblemLog) -> list[PeriodGap]:
    """Months of each named period missing from the table feeding it: problems, or (when report.yaml
    allows partial periods) gaps the report prints."""
    if config is None:
        return []
    present = {name: months_present(typed[name].frame[column]) for name, column in DATED.items()
               if name in typed and column in typed[name].usable}
    gaps = period_gaps(config, present)
    if config.allow_partial_periods:
        return gaps
    for gap in gaps:
        log.add(typed[gap.table].label, None, DATED[gap.table],
                f"period {gap.period} ({gap.label}) has no rows for {month_list(gap.missing)}",
                "rows in every month of each period report.yaml compares (or allow_partial_periods: true)")
    return []


def _load_content(folder: Path, config: ReportConfig | None, log: ProblemLog) -> tuple[Any, dict[str, Any]]:
    """Content via loading/content.py; its problems join the others. Skipped when report.yaml is unusable."""
    if config is None:
        return None, {}
    try:
        content, district_content, problems = load_content(folder / CONTENT_DIR, config)
    except DataError as exc:
        log.extend(exc.problems)
        return None, {}
    log.extend(problems)
    return content, dict(district_content)


def _final_frame(name: str, table: TypedTable, config: ReportConfig) -> pd.DataFrame:
    """Contract columns only, a plain 0-based index, districts as a categorical in report.yaml order."""
    frame = table.frame.reset_index(drop=True)
    if name == "offences":
        frame["district"] = _districts(frame["district"], config.districts)
        if "knife_enabled" in table.usable:
            frame["knife_enabled"] = frame["knife_enabled"].astype(bool)
    return frame


def _districts(column: pd.Series, districts: list[str]) -> pd.Categorical:
    """``pd.Categorical(column, categories=districts)``, each row found among the districts by one Arrow
    lookup (a value that is not a district is missing)."""
    if not isinstance(column.array, pd.arrays.ArrowStringArray):
        return pd.Categorical(column, categories=districts)
    found = pc.index_in(arrow_text(column), value_set=pa.array(districts, type=pa.large_string()))
    return pd.Categorical.from_codes(pc.fill_null(found, -1).to_numpy(), categories=districts)


# Low-cardinality text of the two large tables, held as categoricals (integer codes + the few distinct values).
CODED_TEXT = {"offences": ("offence_group", "offence_type", "sexual_category"), "people": ("role", "sex", "ethnicity")}


def _integer_codes(frames: dict[str, pd.DataFrame], links: np.ndarray | None) -> dict[str, pd.DataFrame]:
    """Ids as integer codes and low-cardinality text as categoricals, made once after validation (which
    named rows by their original text), so no calculator joins, groups or compares strings row by row.

    ``offence_id`` becomes the offence's row number, and a person's ``offence_id`` the row number of that
    offence (``links``, found while checking that every person's offence exists); ``person_id`` becomes a
    number per distinct person (first seen, first numbered). Categories are the distinct values present,
    in sorted order.
    """
    offences, people = frames.get("offences"), frames.get("people")
    if offences is not None and (people is None or links is not None):  # both coded, or neither
        offences["offence_id"] = np.arange(len(offences), dtype=np.int64)
        if people is not None:
            people["offence_id"] = links
    if people is not None:
        people["person_id"] = pc.fill_null(
            pc.dictionary_encode(arrow_text(people["person_id"])).indices, -1).to_numpy().astype(np.int64)
    for name, columns in CODED_TEXT.items():
        frame = frames.get(name)
        if frame is None:
            continue
        for column in columns:
            if column in frame.columns and not isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = _categorical(frame[column])
    return frames


def _categorical(column: pd.Series) -> pd.Categorical:
    """A text column as a categorical of its distinct values (sorted), from one dictionary encoding in Arrow."""
    encoded = pc.dictionary_encode(arrow_text(column))
    return coded_text(pc.fill_null(encoded.indices, -1).to_numpy(), encoded.dictionary.to_pylist(), column.dtype)


def _available(typed: dict[str, TypedTable], fields_absent: frozenset[str]) -> frozenset[str]:
    provided = set(typed)
    for field in OPTIONAL_FIELDS:
        table, column = field.split(".")
        if table not in typed or field in fields_absent:
            continue
        if field == "offences.time_of_day":
            month_only = typed["offences"].month_only_rows
            if month_only is None or not bool(month_only.any()):
                provided.add(field)
            continue
        if column not in typed[table].usable:
            continue
        if field == "hospital_admissions.district" and typed[table].frame[column].isna().all():
            continue
        provided.add(field)
    return frozenset(provided)
