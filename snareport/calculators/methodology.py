"""ReportConfig → methodology notes: the definitions behind the figures, worded for the printed report.

The wording follows docs/methodology.md; the numbers in it (cohort ages, thresholds, periods) come
from the configuration so the note always matches what was calculated.
"""
from __future__ import annotations

from snareport.config import AgeRange, ReportConfig
from snareport.formatting import join_words
from snareport.models.report import MethodNote


def _ages(r: AgeRange) -> str:
    return f"aged {r.min_age} or over" if r.max_age is None else f"aged {r.min_age} to {r.max_age}"


def methodology_notes(cfg: ReportConfig) -> list[MethodNote]:
    """The notes that apply to this report: a partial source (e.g. police.uk) gets none about tables it
    does not have (no age cohorts without people, no cost savings without unit costs)."""
    c = cfg.cohorts
    p = cfg.periods
    tables = cfg.source.tables if cfg.source is not None and cfg.source.tables is not None else None

    def has(table: str) -> bool:
        return tables is None or table in tables

    yoy = [p[n].label for n in cfg.comparisons.year_on_year]
    rolling = [p[n].label for n in cfg.comparisons.rolling]
    two = [p[n].label for n in cfg.comparisons.two_year]
    periods = []
    if cfg.main_period is not None:
        periods.append(f"The main period is {p[cfg.main_period].label}, the latest months in the data")
    periods.append(f"year-on-year figures compare {yoy[0]} with {yoy[1]}")
    if has("hospital_admissions"):
        periods.append(f"rolling figures compare {rolling[0]} with {rolling[1]}")
    if has("unit_costs"):
        periods.append(f"the estimated cost of crime avoided compares {two[0]} with {two[1]}")
    periods_text = "; ".join(periods)
    notes = [MethodNote(topic="Periods", text=(
        f"{periods_text[:1].upper()}{periods_text[1:]}. A record belongs to a period when its date falls "
        "within the period's first and last day."))]
    if has("people"):
        notes.append(MethodNote(topic="Age cohorts", text=(
            f"An offence involves a cohort when at least one victim or suspect linked to it was in that age range "
            f"at the time: {c.under_18.label} ({_ages(c.under_18)}), {c.age_18_25.label} ({_ages(c.age_18_25)}), "
            f"{c.under_25.label} ({_ages(c.under_25)}). One offence can involve more than one cohort. Offences "
            "where nobody's age is known are counted separately as age unknown.")))
    notes.append(MethodNote(topic="Percentage change", text=(
        "Change is the difference between the later and earlier figure as a percentage of the earlier one. "
        "When the earlier figure is zero the change is undefined and is not shown. A change in a count is called "
        "within the range expected by chance when the earlier count lies inside the 95% confidence interval of "
        "the later one (Poisson, Byar's method, as in Public Health England's Fingertips profiles).")))
    if has("people"):
        notes.append(MethodNote(topic="People", text=(
            "Each link between a person and an offence counts once, so someone involved in two offences is "
            "counted twice. Shares are of all such links, including people whose age or sex was not recorded, "
            "so the shares shown need not add up to 100%.")))
        notes.append(MethodNote(topic="Harm", text=(
            "Harm scores add up the harm weight of each offence's type. The high-harm group is the "
            f"{cfg.high_harm_top_share * 100:.1f}% of people with the most harm from the offences they were "
            "involved in as victim or suspect, rounded up to a whole person "
            f"(ceil of {cfg.high_harm_top_share} × people).")))
    elif has("harm_weights"):
        notes.append(MethodNote(topic="Harm", text=(
            "Harm-weighted volumes add up the harm weight of each offence's type.")))
    if has("population") and cfg.main_period is not None:
        notes.append(MethodNote(topic="Rates", text=(
            f"Rates are offences per 1,000 residents, using the population table's {cfg.population_year} figures "
            "for every district; a population from another year than the offences makes rates approximate.")))
    notes.append(MethodNote(topic="Districts", text=(
        "A district report computes every figure from that district's offences"
        + (" and the people linked to them" if has("people") else "")
        + f", and shows the figure for {cfg.area} as a whole beside it (never the figure of the authority "
        "the district belongs to), with the district's rank among all districts (1 = highest). The average "
        "district is the mean of every district's figure, each district counted once whatever its size; for a "
        f"count it is the figure for {cfg.area} divided by the number of districts. Text that "
        f"speaks for the whole area rather than the district is marked “Across {cfg.area}”.")))
    if has("unit_costs"):
        notes.append(MethodNote(topic="Estimated cost of crime avoided", text=(
            f"For {join_words([g.lower() for g in cfg.costs.groups])}, the change in the number of offences from "
            f"{two[0]} to "
            f"{two[1]} is multiplied by the group's unit cost at {cfg.costs.savings_price_year} prices, and rises "
            "are set against falls to give a net figure, rounded to the nearest "
            f"£{cfg.costs.rounding_gbp:,}. Home Office unit costs are mostly the harm to victims, so the figure "
            "estimates harm avoided rather than money saved. The knives chapter's estimate uses the unit cost of "
            f"{cfg.definitions.knife_cost_group.lower()} at {cfg.costs.minimum_price_year} prices, not uprated, so "
            "it is a lower bound.")))
    notes.append(MethodNote(topic="Disclosure control", text=(
        f"In public reports, counts from 1 to {cfg.disclosure_threshold}, and shares or changes built on "
        "them, are withheld, as is any other value that would let a withheld one be worked out."
        + (" Hospital admissions follow the NHS Hospital Episode Statistics rule of withholding counts of 1 to 7."
           if has("hospital_admissions") else ""))))
    return notes
