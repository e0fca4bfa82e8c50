"""Dataset or Prepared (+ district) → Report: runs every calculator for the scope and adds metadata, periods,
data summary, methodology notes and the scope's content; a public batch goes through disclosure together."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from snareport.calculators import (
    achievements,
    demographics,
    geography,
    knives,
    latest_year,
    population,
    recorded_offences,
    sexual_violence,
    temporal,
)
from snareport.calculators.common import period_refs
from snareport.calculators.methodology import methodology_notes
from snareport.calculators.prepare import Prepared, prepare
from snareport.content.scoping import scope_content
from snareport.errors import DataError, Problem
from snareport.models.report import DataSummary, Disclosure, Metadata, PartialPeriod, Report, TableSummary
from snareport.scope import Scope

if TYPE_CHECKING:  # pragma: no cover
    from snareport.content.models import Content
    from snareport.content.scoping import Speaker
    from snareport.dataset import Dataset

HOSPITAL_THRESHOLD = 7     # NHS HES rule below national level: counts of 1–7 are withheld


def build_report(ds: Dataset | Prepared, district: str | None = None) -> Report:
    """The Report for the whole area (``district=None``) or one district (a name from report.yaml).

    ``ds`` is a Dataset, or the Prepared value of one (``snareport.calculators.prepare.prepare(ds)``): pass
    the same Prepared to build several scopes' reports without repeating the work they share.

    Raises DataError naming an unknown district and listing the valid ones. A public report is one of
    a batch published together: see ``build_reports``.
    """
    return build_reports(ds, [district])[district]


def build_reports(ds: Dataset | Prepared, scopes: Iterable[str | None] | None = None, *,
                  failures: dict[str | None, Exception] | None = None) -> dict[str | None, Report]:
    """Reports of the given scopes (``None`` = the whole area; default: the area and every district).

    For a public audience every scope's raw report is built and disclosure control runs over the whole
    batch at once (a figure withheld in one report must not be recoverable from the others), and the
    requested reports are returned from that batch, so a district built alone is the same as in a full
    run. For partners the reports are returned unsuppressed and only the requested scopes are built.

    With ``failures`` (a dict), a scope whose report cannot be built is recorded there with its error and
    left out of the result (and of the batch: a report that is not published needs no protecting);
    without it the first error is raised.
    """
    prep = ds if isinstance(ds, Prepared) else prepare(ds)   # what every scope shares, made once
    cfg = prep.config
    wanted = [None, *cfg.districts] if scopes is None else list(dict.fromkeys(scopes))
    for district in wanted:
        if district is not None and district not in cfg.districts:
            raise DataError(Problem(file="report.yaml", row=None, column="district", found=repr(district),
                                    expected="one of " + ", ".join(cfg.districts)))
    def built(scopes: list[str | None]) -> dict[str | None, Report]:
        out = {}
        for district in scopes:
            try:
                # a report built only to be audited with the others needs no words: disclosure reads figures
                out[district] = raw_report(prep, district, content=district in wanted)
            except Exception as exc:
                if failures is None:
                    raise
                failures[district] = exc
        return out

    if cfg.audience != "public":
        return built(wanted)
    from snareport.loading.config_file import public_threshold_problem

    problem = public_threshold_problem(cfg)
    if problem is not None:
        raise DataError(problem)
    from snareport.disclosure import disclose

    batch = built([None, *cfg.districts])
    # every report of the batch is audited; only the requested ones are published
    public = disclose(batch, cfg.disclosure_threshold, HOSPITAL_THRESHOLD, wanted) if batch else {}
    if failures is not None:       # a requested scope outside the batch failed for its own reason
        failures.update({d: failures.get(d, RuntimeError("not built")) for d in wanted if d not in public})
    return {district: public[district] for district in wanted if district in public}


def raw_report(data: Dataset | Prepared, district: str | None = None, *, content: bool = True) -> Report:
    """Every calculator for one scope, before disclosure control (what partners see). ``content=False``
    leaves out the scope's content (its words), as for a report made only to be audited with the others."""
    prep = data if isinstance(data, Prepared) else prepare(data)
    ds = prep.ds
    cfg = ds.config
    scope = Scope(district)
    words, content_scope = _content(ds, district) if content else (None, {})
    return Report(
        metadata=_metadata(ds, scope),
        periods=period_refs(ds, _period_names(ds)),
        data=_data_summary(prep, scope),
        methodology=methodology_notes(cfg),
        disclosure=Disclosure(applied=False, threshold=cfg.disclosure_threshold,
                              hospital_threshold=HOSPITAL_THRESHOLD),
        content=words,
        content_scope=content_scope,
        population=population.calculate(prep, scope),
        achievements=achievements.calculate(prep, scope),
        demographics=demographics.calculate(prep, scope),
        geography=geography.calculate(prep, scope),
        temporal=temporal.calculate(prep, scope),
        knives=knives.calculate(prep, scope),
        sexual_violence=sexual_violence.calculate(prep, scope),
        recorded_offences=recorded_offences.calculate(prep, scope),
        latest_year=latest_year.calculate(prep, scope),
    )


def _content(ds: Dataset, district: str | None) -> tuple[Content | None, dict[str, Speaker]]:
    """The scope's content with placeholders substituted, and whom each content file speaks for."""
    if ds.content is None:
        return None, {}
    return scope_content(ds.content, ds.content_for(district), district, ds.config.area, ds.config.edition)


def _period_names(ds: Dataset) -> list[str]:
    """Every period named by a comparison, ordered by start date."""
    names = {n for _, pair in ds.config.comparisons if pair for n in pair}
    if ds.config.main_period is not None:
        names.add(ds.config.main_period)
    return sorted(names, key=lambda n: (ds.config.period(n).start, ds.config.period(n).end, n))


def _metadata(ds: Dataset, scope: Scope) -> Metadata:
    cfg = ds.config
    metadata = Metadata(
        title=cfg.title, edition=cfg.edition, area=cfg.area, partnership=cfg.partnership,
        scope_label=scope.label(cfg.area), district=scope.district,
        authority=None if scope.district is None else cfg.authority_of(scope.district).name,
        audience=cfg.audience, protective_marking=cfg.marking, publication_date=cfg.publication_date,
        language=cfg.language, theme=cfg.theme, attribution=cfg.source.attribution if cfg.source else "",
    )
    metadata._theme_location = cfg.theme_location()
    return metadata


def _data_summary(prep: Prepared, scope: Scope) -> DataSummary:
    ds = prep.ds
    tables = []
    for name in ("offences", "people", "hospital_admissions", "population", "unit_costs", "harm_weights"):
        frame = getattr(ds, name)
        if frame is None:
            continue
        if name in ("offences", "people"):   # a district's rows are its row positions
            whole = getattr(prep.frames, name)
            rows = len(whole) if scope.district is None else len(prep.frames.positions[name].get(scope.district, ()))
        elif name == "hospital_admissions" and not scope.is_county and "district" in frame.columns:
            rows = int((frame["district"].astype("object") == scope.district).sum())
        else:
            rows = len(frame)
        tables.append(TableSummary(table=name, rows=int(rows), total_rows=len(frame)))
    occurred = prep.frames.offences["occurred_at"]
    if scope.district is not None:
        occurred = occurred.iloc[prep.frames.positions["offences"].get(scope.district, [])]
    cfg_source = ds.config.source
    source = ds.source_name or (cfg_source.name if cfg_source else "")
    return DataSummary(
        source_name=source, source_note=ds.config.source_note, tables=tables,
        counted=cfg_source.counted if cfg_source else "", categories=list(cfg_source.categories) if cfg_source else [],
        months=list(cfg_source.months) if cfg_source else [],
        months_missing=list(cfg_source.months_missing) if cfg_source else [],
        population_source=cfg_source.population_source if cfg_source else "",
        first_offence=occurred.min().date() if len(occurred) else None,
        last_offence=occurred.max().date() if len(occurred) else None,
        available=sorted(ds.available), data_quality=list(ds.data_quality),
        table_sources={t: ds.config.sources.get(t)
                       or (cfg_source.population_source if cfg_source and t == "population" else "")
                       or source or ds.config.partnership
                       for t in ("offences", "people", "hospital_admissions", "population", "unit_costs",
                                 "harm_weights")},
        partial_periods=[PartialPeriod(table=g.table, period=g.period, label=g.label, missing_months=list(g.missing),
                                       months_present=g.present, months=g.months) for g in ds.period_gaps],
    )
