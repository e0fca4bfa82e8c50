"""Area name × districts → a new dataset folder: a commented report.yaml, content stubs for every section and
an Excel template with one sheet per table (headers, notes, drop-down lists of allowed values).

``snareport init DIR --area NAME --district A --district B`` calls :func:`scaffold`. The stubs say DRAFT
so that nothing of them is published unnoticed; the template's drop-downs keep district names and
categories exactly as report.yaml and the data contract spell them.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from snareport.atomic import write_together
from snareport.errors import DataError
from snareport.formatting import period_label

TEMPLATE_NAME = "tables.xlsx"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Authority:
    name: str
    districts: tuple[str, ...]

    @property
    def short_name(self) -> str:
        words = [w for w in re.split(r"\W+", self.name) if w and w.lower() not in {"and", "of", "the"}]
        return "".join(w[0].upper() for w in words) or self.name


def financial_year(label: str) -> int:
    """'2024/25' → 2024 (the calendar year the financial year starts in)."""
    match = re.fullmatch(r"(\d{4})/(\d{2})", label.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise DataError(f"year {label!r}: expected a financial year such as 2024/25")
    return int(match.group(1))


def default_year(today: dt.date) -> str:
    """The latest financial year (April to March) that has ended by ``today``."""
    start = today.year - 1 if today.month >= 4 else today.year - 2
    return f"{start}/{(start + 1) % 100:02d}"


def default_window_end(today: dt.date) -> str:
    """The latest whole calendar month before ``today``, as YYYY-MM."""
    first = today.replace(day=1) - dt.timedelta(days=1)
    return f"{first.year}-{first.month:02d}"


def _window(end_year: int, end_month: int, years_back: int) -> tuple[str, dt.date, dt.date]:
    """A rolling twelve-month window ending ``years_back`` years before the given month."""
    year = end_year - years_back
    end = (dt.date(year + (end_month == 12), end_month % 12 + 1, 1) - dt.timedelta(days=1))
    start_month, start_year = (end_month % 12) + 1, year - (end_month != 12)
    start = dt.date(start_year, start_month, 1)
    return period_label(start, end), start, end


def report_yaml(area: str, authorities: list[Authority], year: str, window_end: str,
                publication_date: dt.date) -> str:
    """A commented report.yaml for a new area (periods from the current financial year and window end)."""
    first = financial_year(year)
    match = re.fullmatch(r"(\d{4})-(\d{2})", window_end.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise DataError(f"window end {window_end!r}: expected a month as YYYY-MM")
    end_year, end_month = int(match.group(1)), int(match.group(2))
    q = json.dumps  # a JSON string is a valid double-quoted YAML scalar

    def fy(start: int) -> str:
        return (f'{{label: "{start}/{(start + 1) % 100:02d}", start: {start}-04-01, end: {start + 1}-03-31}}')

    def window(back: int) -> str:
        label, start, end = _window(end_year, end_month, back)
        return f"{{label: {q(label)}, start: {start.isoformat()}, end: {end.isoformat()}}}"

    authority_lines = "\n".join(
        f"  - name: {q(a.name)}\n    short_name: {q(a.short_name)}\n"
        f"    districts: [{', '.join(q(d) for d in a.districts)}]" for a in authorities)
    edition = f"{first + 1}/{(first + 2) % 100:02d}"
    return f"""# Report configuration for {area}, made by `snareport init`. Check every line marked CHECK.
# Every period, cohort and threshold the report uses is named here; none is hard-coded.
area: {q(area)}
partnership: {q(area + " Serious Violence Prevention Partnership")}   # CHECK: the partnership's name
title: Strategic Needs Assessment Executive Report
edition: "{edition}"                  # the assessment's year, printed on the cover
publication_date: {publication_date.isoformat()}      # CHECK: printed on the cover; also the PDF's document date
language: en-GB
theme: default                        # a bundled theme (default, kent_medway) or a .yaml file in this folder
audience: public                      # public | partners
disclosure_threshold: 5               # counts from 1 to this are withheld ([c]) in public output
protective_marking:
  public: OFFICIAL
  partners: OFFICIAL-SENSITIVE

# The councils (authorities) and their districts. District names must match the data exactly:
# the Excel template's drop-down lists use these spellings. Split into several authorities if the
# area has more than one (for example a county council and a unitary council).
authorities:
{authority_lines}

# Named periods (inclusive dates). Financial years run April to March; windows are rolling 12 months
# ending with the latest month of data. CHECK that the data covers every period.
periods:
  baseline_year:   {fy(first - 2)}
  previous_year:   {fy(first - 1)}
  current_year:    {fy(first)}
  earliest_window: {window(2)}
  previous_window: {window(1)}
  current_window:  {window(0)}

# Every month of each compared period must have offences; for sparse test data only, allow gaps:
# allow_partial_periods: true

# Which periods each comparison uses: [earlier, later]. Pairs must not overlap.
comparisons:
  year_on_year: [previous_year, current_year]
  two_year: [baseline_year, current_year]
  rolling: [previous_window, current_window]
  three_year: [earliest_window, previous_window, current_window]
  three_financial_years: [baseline_year, previous_year, current_year]

# Age cohorts, by age in whole years at the offence (inclusive bounds).
cohorts:
  under_18: {{label: under 18s, min_age: 0, max_age: 17}}
  age_18_25: {{label: ages 18–25, min_age: 18, max_age: 25}}
  under_25: {{label: under 25s, min_age: 0, max_age: 24}}

# Age bands for the demographic tables (inclusive bounds; max_age null = no upper bound).
age_bands:
  - {{label: under 10, min_age: 0, max_age: 9}}
  - {{label: 10–17, min_age: 10, max_age: 17}}
  - {{label: 18–24, min_age: 18, max_age: 24}}
  - {{label: 25+, min_age: 25, max_age: null}}

# Suspect age bands for the sexual violence section (inclusive bounds).
suspect_age_bands:
  - {{label: under 13, min_age: 0, max_age: 12}}
  - {{label: 13–17, min_age: 13, max_age: 17}}
  - {{label: 18–24, min_age: 18, max_age: 24}}
  - {{label: 25–29, min_age: 25, max_age: 29}}
  - {{label: 30–40, min_age: 30, max_age: 40}}
  - {{label: 41+, min_age: 41, max_age: null}}

# Census years for the population growth figure, and the population year the rates use. CHECK that
# the population sheet has rows for these years.
census_years: [2011, 2021]
population_year: 2021

# Share of people (ranked by harm) reported as the "high harm" group, as a fraction.
high_harm_top_share: 0.016

# Unit-cost price years: savings use `savings_price_year`; the knives chapter's estimated cost of crime
# avoided uses the unuprated base-year cost `minimum_price_year` (a lower bound). CHECK against the unit_costs sheet.
costs:
  savings_price_year: "{year}"
  minimum_price_year: "2015/16"

# Where the data came from, printed in the methodology note. CHECK.
source_note: "DRAFT: name the extracts (system, date extracted) this report is built from."
"""


def content_files(area: str, partnership: str) -> dict[str, str]:
    """The content stubs, one per section file, with the area's name filled in."""
    folder = resources.files("snareport.scaffold").joinpath("content")
    return {item.name: item.read_text(encoding="utf-8").replace("{{area}}", area).replace("{{partnership}}", partnership)
            for item in sorted(folder.iterdir(), key=lambda i: i.name) if item.name.endswith((".md", ".yaml"))}


def scaffold(folder: str | Path, area: str, districts: list[str] | None = None,
             authorities: list[Authority] | None = None, year: str | None = None, window_end: str | None = None,
             today: dt.date | None = None) -> list[Path]:
    """Write a new dataset folder; refuses a folder that already has a report.yaml or content/.

    Returns the files written (report.yaml, content/*, tables.xlsx).
    """
    from snareport.scaffold.template import template_bytes

    target = Path(folder)
    today = today or dt.date.today()
    if not area.strip():
        raise DataError("init: --area must name the area")
    if authorities is None:
        if not districts:
            raise DataError("init: name the districts with --district (one per district)")
        authorities = [Authority(area, tuple(districts))]
    names = [d for a in authorities for d in a.districts]
    repeated = sorted({d for d in names if names.count(d) > 1})
    if repeated:
        raise DataError(f"init: district named more than once: {', '.join(repeated)}")
    for existing in ("report.yaml", "content", TEMPLATE_NAME):
        if (target / existing).exists():
            raise DataError(f"init: {target / existing} already exists; choose a new folder")
    year = year or default_year(today)
    window_end = window_end or default_window_end(today)
    config = report_yaml(area, authorities, year, window_end, today)
    partnership = f"{area} Serious Violence Prevention Partnership"
    files = [(target / "report.yaml", config.encode("utf-8"))]
    files += [(target / "content" / name, text.encode("utf-8")) for name, text in content_files(area, partnership).items()]
    files.append((target / TEMPLATE_NAME, template_bytes(names)))
    return write_together(files)
