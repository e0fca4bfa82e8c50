"""Report → one tidy table per table or chart in the PDF (figures only from the Report model).

Each builder reads one section model and returns :class:`DataTable` values. Numbers are the model's,
rounded only as the PDF prints them (percentages and shares to one decimal place, shares as %);
withheld values are ``[c]`` and figures the source cannot give are ``[x]``.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

WITHHELD = "[c]"          # GSS: confidential (withheld by disclosure control)
NOT_AVAILABLE = "[x]"     # GSS: not available
NOT_APPLICABLE = "[z]"    # GSS: not applicable

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class DataTable:
    """One table of the report: its sheet name, title, column headers (with units) and rows."""

    key: str                         # sheet name: letters, digits and underscores, at most 31 characters
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    section: str
    notes: tuple[str, ...] = field(default=())   # topics of notes on the notes sheet that apply

    @property
    def withheld(self) -> bool:
        return any(cell == WITHHELD for row in self.rows for cell in row)


# ---------------------------------------------------------------- cells


def count(value: int | float | None, withheld: bool = False) -> Any:
    """A count as the model holds it; ``[c]`` when withheld, ``[x]`` when the model has none."""
    if value is None:
        return WITHHELD if withheld else NOT_AVAILABLE
    if isinstance(value, float) and not math.isfinite(value):
        return NOT_AVAILABLE
    return value


def decimal(value: float | None, dp: int, withheld: bool = False) -> Any:
    """A number rounded half-up to ``dp`` places, as the PDF prints it (a whole number when ``dp`` is 0)."""
    cell = count(value, withheld)
    if not isinstance(cell, (int, float)):
        return cell
    rounded = Decimal(repr(float(cell))).quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP)
    return int(rounded) if dp == 0 else float(rounded)


def pct(value: float | None, withheld: bool = False) -> Any:
    """A percentage (already × 100 in the model) to one decimal place."""
    return decimal(value, 1, withheld)


def share(fraction: float | None, withheld: bool = False) -> Any:
    """A share (fraction 0–1 in the model) as a percentage to one decimal place."""
    return pct(None if fraction is None else fraction * 100, withheld)


def change_cells(change: Any, dp: int = 0) -> tuple[Any, Any, Any]:
    """previous, current, % change of a :class:`~snareport.models.common.Change`."""
    if change is None:
        return NOT_AVAILABLE, NOT_AVAILABLE, NOT_AVAILABLE
    w = bool(change.suppressed)
    if dp:
        prev, cur = decimal(change.previous, dp, w), decimal(change.current, dp, w)
    else:
        prev, cur = count(change.previous, w), count(change.current, w)
    return prev, cur, pct(change.change_pct, w and change.change_pct is None)


def _word(value: str | None, withheld: bool = False) -> str:
    """A word the model holds (a direction, a name); ``[c]``/``[x]`` when it has none."""
    return value if value else (WITHHELD if withheld else NOT_AVAILABLE)


def labels(pair: Any, earlier: str, later: str) -> tuple[str, str]:
    """The labels of a section's named pair of periods (the fallbacks when the source has no such pair)."""
    return (pair.earlier.label, pair.later.label) if pair is not None else (earlier, later)


def month_label(day: Any) -> Any:
    return NOT_APPLICABLE if day is None else f"{_MONTHS[day.month - 1][:3]} {day.year}"


def _table(key: str, title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], section: str,
           notes: Sequence[str] = ()) -> DataTable | None:
    # a model field without a value that no builder marked is shown as not available, never a blank cell
    rows = tuple(tuple(NOT_AVAILABLE if c is None else c for c in r) for r in rows)
    if not rows:
        return None
    return DataTable(key, title, tuple(columns), rows, section, tuple(notes))


# ---------------------------------------------------------------- sections


def achievements(report: Any) -> list[DataTable | None]:
    a = report.achievements
    if not a.available:
        return []
    prev, cur = labels(a.year_on_year, "previous year", "current year")
    out = []
    rows = [(k.label, *change_cells(k.change)) for k in a.knife_enabled]
    if a.knife_enabled_age_unknown is not None:
        rows.append(("age unknown", *change_cells(a.knife_enabled_age_unknown)))
    out.append(_table("knife_enabled_by_cohort", f"Knife-enabled serious violence by age cohort, {prev} to {cur}",
                      ["Age cohort", f"Offences, {prev}", f"Offences, {cur}", "Change (%)"], rows,
                      "achievements", ["Age cohorts", "Percentage change"]))
    if a.admissions_available and a.admissions:
        wp, wc = labels(a.rolling, "previous window", "current window")
        where = "whole area" if a.admissions_scope == "county" else report.metadata.scope_label
        out.append(_table(
            "sharp_object_admissions",
            f"Average monthly hospital admissions for {a.admissions_cause}, {wp} to {wc} ({where})",
            ["Age group", f"Average admissions a month, {wp}", f"Average admissions a month, {wc}", "Change (%)"],
            [(x.label, *change_cells(x.change, dp=2)) for x in a.admissions], "achievements",
            ["Hospital admissions", "Percentage change"]))
    if a.savings_available and a.savings:
        first, second = labels(a.two_year, "first year", "second year")
        thousands = getattr(a, "savings_rounding_gbp", 1) >= 1000   # the PDF prints estimates to the nearest £1,000

        def money(value: float | None, withheld: bool = False) -> Any:
            return decimal(None if value is None else value / 1000 if thousands else value, 0, withheld)

        unit = "£ thousands" if thousands else "£"
        rows = [(s.offence_group, count(s.previous, s.suppressed), count(s.current, s.suppressed),
                 count(s.fall, s.suppressed), decimal(s.unit_cost_gbp, 0), money(s.saving_gbp, s.suppressed))
                for s in a.savings]
        rows.append(("Total, net of rises", NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE,
                     money(a.savings_total_gbp, any(s.suppressed for s in a.savings))))
        prices = f", at {a.price_year} prices" if a.price_year else ""
        out.append(_table("cost_of_crime_avoided", f"Estimated cost of crime avoided, {first} to {second}{prices}",
                          ["Offence group", f"Offences, {first}", f"Offences, {second}",
                           "Fall in offences (negative: a rise)", "Unit cost (£)",
                           f"Cost avoided ({unit}, negative: an added cost)"], rows, "achievements", ["Unit costs"]))
    if a.fallen_types:
        out.append(_table("offence_types_that_fell", f"Offence types that fell, {prev} to {cur}",
                          ["Offence type", f"Offences, {prev}", f"Offences, {cur}", "Change (%)"],
                          [(f.label, *change_cells(f.change)) for f in a.fallen_types], "achievements",
                          ["Percentage change"]))
    return out


def population(report: Any) -> list[DataTable | None]:
    p, m = report.population, report.metadata
    if not p.available:
        return []
    out = []
    if p.age_bands:
        county = {b.label: b for b in p.county_age_bands}
        columns = ["Age band", f"Share of population, {m.scope_label} (%)"]
        if m.district:
            columns.append(f"Share of population, {m.area} (%)")
        rows = []
        for b in p.age_bands:
            row = [b.label, share(b.share, b.suppressed)]
            if m.district:
                c = county.get(b.label)
                row.append(share(c.share, c.suppressed) if c else NOT_AVAILABLE)
            rows.append(row)
        out.append(_table("population_by_age_band", f"Population by age band, {p.year}", columns, rows,
                          "population"))
    if p.districts:
        out.append(_table("population_by_district", f"Population by district, {m.area}, {p.year}",
                          ["District", "Authority", "Population (people)", f"Share of {m.area} (%)",
                           "Rank (1 = largest)"],
                          [(d.district, d.authority, count(d.population), share(d.share), count(d.rank)) for d in p.districts],
                          "population"))
    if p.growth:
        g = p.growth
        out.append(_table("population_growth", f"Population growth, {m.scope_label}, {g.from_year} to {g.to_year}",
                          ["Measure", "Value"],
                          [(f"Population, {g.from_year} (people)", g.from_population),
                           (f"Population, {g.to_year} (people)", g.to_population),
                           ("Change (people)", g.change), ("Change (%)", pct(g.change_pct))],
                          "population"))
    return out


def demographics(report: Any) -> list[DataTable | None]:
    d = report.demographics
    if not d.available:
        return []
    prev, cur = labels(d.year_on_year, "previous year", "current year")
    out = []
    for role, title in (("victim", "Victims"), ("suspect", "Suspects")):
        rows = []
        for p in (x for x in d.age_profiles + d.comparison_profiles if x.role == role):
            for b in [*p.bands, p.unknown]:
                rows.append((p.area, b.label, count(b.count, b.suppressed), share(b.share, b.suppressed)))
        out.append(_table(f"{role}s_by_age_band", f"{title} by age band, {cur}",
                          ["Area", "Age band", "Involvements (people)", "Share of involvements (%)"], rows,
                          "demographics", ["People"]))
    rows = []
    for split in d.sex_split:
        for r in split.rows:
            rows.append((split.role, r.sex, *change_cells(r.change), share(r.previous_share, r.change.suppressed),
                         share(r.current_share, r.change.suppressed)))
        rows.append((split.role, "all", *change_cells(split.total), NOT_APPLICABLE, NOT_APPLICABLE))
    out.append(_table("victims_and_suspects_by_sex", f"Victims and suspects by sex, {prev} to {cur}",
                      ["Role", "Sex", f"Involvements, {prev}", f"Involvements, {cur}", "Change (%)",
                       f"Share, {prev} (%)", f"Share, {cur} (%)"], rows, "demographics",
                      ["People", "Percentage change"]))
    if d.suspect_vs_population and d.population_available:
        out.append(_table("suspects_and_population", f"Suspects compared with the population, {cur}",
                          ["Age band", f"Suspect involvements, {cur}", f"Share of suspects, {cur} (%)",
                           f"Population, {d.population_year} (people)",
                           f"Share of population, {d.population_year} (%)"],
                          [(p.band, count(p.suspect_count, p.suppressed), share(p.suspect_share, p.suppressed),
                            count(p.population), share(p.population_share)) for p in d.suspect_vs_population],
                          "demographics"))
    if d.high_harm and d.high_harm_available:
        h = d.high_harm
        w = h.suppressed
        out.append(_table("high_harm_people", f"People linked to the most harm, {cur}", ["Measure", "Value"], [
            ("People involved as victim or suspect", count(h.people, w)),
            ("People in the high-harm group", count(h.top_people, w)),
            ("High-harm group's share of people (%)", share(h.people_share, w)),
            ("Harm from all offences (harm weight)", decimal(h.harm_total, 1)),
            ("Harm linked to the high-harm group (harm weight)", decimal(h.top_harm, 1)),
            ("High-harm group's share of harm (%)", share(h.harm_share, w)),
        ], "demographics", ["Harm"]))
    return out


def geography(report: Any) -> list[DataTable | None]:
    g = report.geography
    if not g.available or not g.districts:
        return []
    windows = [p.label for p in g.periods] or [f"window {i + 1}" for i in range(3)]
    prev, cur = (windows[-2], windows[-1]) if len(windows) >= 2 else ("previous", "current")
    rows = [(s.district, count(s.rank, s.suppressed), count(s.previous_rank, s.suppressed), *change_cells(s.volume),
             *change_cells(s.harm, dp=1),
             _word(s.volume_direction, s.suppressed), _word(s.harm_direction, s.suppressed)) for s in g.districts]
    out = [_table("district_scores", f"Serious violence involving {g.cohort_label} by district, {prev} to {cur}",
                  ["District", f"Rank, {cur} (1 = highest volume)", f"Rank, {prev}", f"Offences, {prev}",
                   f"Offences, {cur}", "Offences change (%)", f"Harm score, {prev}", f"Harm score, {cur}",
                   "Harm score change (%)", "Offences over three windows", "Harm over three windows"],
                  rows, "geography", ["Harm", "Districts", "Percentage change"])]
    rows = []
    for s in g.districts:
        for i, name in enumerate(windows):
            v = s.volume_by_window[i] if i < len(s.volume_by_window) else None
            h = s.harm_by_window[i] if i < len(s.harm_by_window) else None
            rows.append((s.district, name, count(v, s.suppressed), decimal(h, 1, s.suppressed)))
    out.append(_table("district_scores_by_window", f"Serious violence involving {g.cohort_label} by district and "
                      "twelve-month window", ["District", "Twelve months", "Offences", "Harm score"], rows,
                      "geography", ["Harm", "Districts"]))
    return out


def temporal(report: Any) -> list[DataTable | None]:
    t = report.temporal
    if not t.available:
        return []
    period = t.current.label if t.current is not None else "current year"
    out = []
    for c in t.cohorts:
        rows = [(_DAYS[day], f"{hour:02d}:00 to {hour:02d}:59", count(n, True))
                for day, hours in enumerate(c.counts) for hour, n in enumerate(hours)]
        out.append(_table(f"day_and_hour_{c.cohort}"[:31],
                          f"Offences involving {c.cohort_label} by day of week and hour, {period}",
                          ["Day of week", "Hour of day", "Offences"], rows, "temporal", ["Age cohorts"]))
    return out


def knives(report: Any) -> list[DataTable | None]:
    k = report.knives
    if not k.available:
        return []
    prev, cur = labels(k.year_on_year, "previous year", "current year")
    out = [_table("knife_offences_by_district", f"Knife-enabled offences by district, {cur}",
                  ["District", f"Knife-enabled offences, {cur}", "Rank (1 = most)"],
                  [(r.name, count(r.value, r.suppressed), count(r.rank)) for r in k.district_ranking],
                  "knives", ["Districts"])]
    rows = [(name, *change_cells(ch)) for name, ch in (
        ("All knife-enabled offences", k.knife_offences),
        ("Involving under 25s, causing injury", k.under_25_injury),
        ("Involving under 25s, without injury", k.under_25_non_injury)) if ch is not None]
    out.append(_table("knife_offences_change", f"Knife-enabled offences, {prev} to {cur}",
                      ["Offences", f"Offences, {prev}", f"Offences, {cur}", "Change (%)"], rows, "knives",
                      ["Percentage change"]))
    rows = [(a.age, count(a.count, a.suppressed)) for a in k.age_distribution]
    if rows and k.age_unknown is not None:
        rows.append(("unknown", count(k.age_unknown, True)))
    out.append(_table("knife_incident_ages", f"People involved in knife-enabled offences by age, {cur}",
                      ["Age (years)", "People"], rows, "knives", ["People"]))
    if k.people_available and k.suspect_sex:
        out.append(_table("knife_suspects_by_sex", f"Suspects in knife-enabled offences by sex, {cur}",
                          ["Sex", "Share of suspects of known sex (%)"],
                          [(s.label, share(s.share, s.suppressed)) for s in k.suspect_sex], "knives", ["People"]))
    return out


def sexual_violence(report: Any) -> list[DataTable | None]:
    s = report.sexual_violence
    if not s.available:
        return []
    prev, cur = labels(s.year_on_year, "previous year", "current year")
    out = [_table("sexual_violence_categories", f"Sexual violence by category, {prev} to {cur}",
                  ["Category", f"Offences, {prev}", f"Offences, {cur}", "Change (%)"],
                  [(c.label, *change_cells(c.change)) for c in s.categories]
                  + ([("all sexual violence", *change_cells(s.total))] if s.total else []),
                  "sexual_violence", ["Percentage change"]),
           _table("sexual_violence_offences", f"Rape, sexual assault and non-contact offences, {prev} to {cur}",
                  ["Offence", f"Offences, {prev}", f"Offences, {cur}", "Change (%)"],
                  [(c.label, *change_cells(c.change)) for c in s.table], "sexual_violence",
                  ["Percentage change"])]
    rows = [(c.category, count(r.rank, r.suppressed), r.name, count(r.value, r.suppressed))
            for c in s.highest_districts for r in c.districts]
    out.append(_table("sexual_violence_districts", f"Districts with the most sexual violence by category, {cur}",
                      ["Category", "Rank (1 = most)", "District", f"Offences, {cur}"], rows, "sexual_violence",
                      ["Districts"]))
    out.append(_table("sexual_violence_by_month", f"Sexual violence by calendar month, {cur}",
                      ["Month", "Offences"], [(_MONTHS[m.month - 1], count(m.count, m.suppressed))
                                              for m in s.month_profile], "sexual_violence"))
    if s.top_types:
        out.append(_table("sexual_violence_top_types", "Most frequent sexual offence types over three years",
                          ["Offence type", "Offences", "Share of all sexual violence (%)"],
                          [(t.label, count(t.count, t.suppressed), share(t.share, t.suppressed))
                           for t in s.top_types], "sexual_violence"))
    return out


def recorded_offences(report: Any) -> list[DataTable | None]:
    o = report.recorded_offences
    if not o.available:
        return []
    prev, cur = labels(o.year_on_year, "previous year", "current year")
    out = [_table("offences_by_month", f"Recorded serious violence by month, {prev} and {cur}",
                  ["Month in previous year", "Month in current year", f"Offences, {prev}", f"Offences, {cur}",
                   "Change (%)"],
                  [(month_label(m.previous_month), month_label(m.current_month), *change_cells(m.volume))
                   for m in o.months], "recorded_offences", ["Percentage change"]),
           _table("offences_by_group", f"Recorded serious violence by offence group, {prev} to {cur}",
                  ["Offence group", f"Offences, {prev}", f"Offences, {cur}", "Change (%)", f"Share, {prev} (%)",
                   f"Share, {cur} (%)"],
                  [(g.group, *change_cells(g.volume), share(g.previous_share, g.suppressed),
                    share(g.current_share, g.suppressed)) for g in o.groups], "recorded_offences",
                  ["Percentage change"])]
    rows = []
    for d in o.districts:
        harm = change_cells(d.harm, dp=1) if d.harm is not None else (NOT_AVAILABLE,) * 3
        rows.append((d.district, *change_cells(d.volume), *harm, count(d.volume_rank, d.suppressed),
                     count(d.harm_rank, d.suppressed), count(d.previous_volume_rank, d.suppressed),
                     share(d.current_share, d.suppressed)))
    out.append(_table("offences_by_district", f"Recorded serious violence by district, {prev} to {cur}",
                      ["District", f"Offences, {prev}", f"Offences, {cur}", "Offences change (%)",
                       f"Harm score, {prev}", f"Harm score, {cur}", "Harm score change (%)",
                       f"Rank by offences, {cur}", f"Rank by harm, {cur}", f"Rank by offences, {prev}",
                       f"Share of area's offences, {cur} (%)"], rows, "recorded_offences",
                      ["Harm", "Districts", "Percentage change"]))
    rows = [(name, *change_cells(ch, dp=dp)) for name, ch, dp in (
        (f"Offences, {report.metadata.scope_label}", o.total, 0),
        (f"Harm score, {report.metadata.scope_label}", o.harm, 1),
        (f"Offences, {report.metadata.area}", o.county_total if report.metadata.district else None, 0),
        (f"Harm score, {report.metadata.area}", o.county_harm if report.metadata.district else None, 1))
        if ch is not None]
    out.append(_table("offences_total", f"Recorded serious violence, {prev} to {cur}",
                      ["Measure", prev, cur, "Change (%)"], rows, "recorded_offences",
                      ["Harm", "Percentage change"]))
    return out


def about_the_data(report: Any) -> list[DataTable | None]:
    return [
        _table("periods", "Periods used in this report", ["Period", "Name in report.yaml", "From", "To"],
               [(p.label, p.name, p.start.isoformat(), p.end.isoformat()) for p in report.periods], "methodology"),
        _table("source_rows", "Rows of each source table used in this report",
               ["Table", "Rows in this report", "Rows in the source"],
               [(t.table, count(t.rows, True), count(t.total_rows, True)) for t in report.data.tables],
               "methodology"),
    ]


BUILDERS: tuple[Callable[[Any], list[DataTable | None]], ...] = (
    achievements, population, demographics, geography, temporal, knives, sexual_violence, recorded_offences,
    about_the_data,
)


def report_tables(report: Any) -> list[DataTable]:
    """Every table of the report, in the order of the PDF."""
    return [t for build in BUILDERS for t in build(report) if t is not None]
