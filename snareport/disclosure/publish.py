"""Raw report dumps + the cells to withhold → the published dumps: withheld values blanked, and every
word built on a figure (ranks, the top districts, peaks, the busiest cell, peak months, directions)
worked out again from the published figures only. Record dates are printed to the month at most."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import numpy as np

from snareport.calculators import findings
from snareport.calculators.demographics import largest_band
from snareport.calculators.knives import most_frequent_ages
from snareport.calculators.latest_year import busiest_month
from snareport.calculators.temporal import join_words, peak_cells, peak_windows
from snareport.disclosure.catalogue import Catalogue, Key, Path
from snareport.models.common import Change, LabelledChange, SuppressibleCount
from snareport.models.geography import DistrictScore
from snareport.models.knives import AgeCount
from snareport.models.latest_year import MonthCount
from snareport.models.recorded_offences import DistrictVolume, MonthlyVolume, OffenceGroupVolume

PEAK_MONTHS = 3
TOP_DISTRICTS = 4
DISTRICTS_OF_CONCERN = 5


def publish(raw: dict[str, dict[str, Any]], cat: Catalogue, withheld: set[Key],
            names: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """New dumps (the raw ones are not changed) with ``withheld`` blanked and the words redone: of the
    reports ``names`` (default: every one), and of the whole area's too when a district's is asked for (a
    district prints the area's published peaks)."""
    wanted = set(raw) if names is None else set(names)
    if "" in raw and wanted - {""}:
        wanted.add("")
    out = {name: _copy(r) for name, r in raw.items() if name in wanted}
    for key in withheld:
        cell = cat.cells[key]
        for loc in cell.locations:
            if loc.report in out:
                _set(out[loc.report], loc.path, None)
        for report, flag in cat.flags.get(key, []):
            if report in out:
                _set(out[report], flag, True)
    for d in cat.derived:
        if d.location.report not in out:
            continue
        if d.share and _get(raw[d.location.report], d.location.path) == 0 and \
                not any(k in cat.cells and cat.cells[k].sensitive for k in d.depends):
            continue        # 0% of a published group gives nothing away; 0% of a small group describes it
        if any(_unsafe(cat, withheld, k) for k in d.depends):
            _set(out[d.location.report], d.location.path, d.replacement)
            if d.flag is not None:
                _set(out[d.location.report], d.flag, True)
    for r in out.values():
        _words(r, cat.threshold)
        _dates(r)
    area = {c["cohort"]: c["summary"] for c in out.get("", {}).get("temporal", {}).get("cohorts", [])}
    for name, r in out.items():           # a district's "across the area" peaks are the area's published ones
        for cohort in r["temporal"].get("cohorts", []):
            if name and cohort.get("area_summary") is not None and cohort["cohort"] in area:
                cohort["area_summary"] = area[cohort["cohort"]]
        sv, area_sv = r.get("sexual_violence") or {}, out.get("", {}).get("sexual_violence") or {}
        if name and sv.get("area_peak_months"):
            sv["area_peak_months"] = list(area_sv.get("peak_months") or [])
    return out


def _copy(node: Any) -> Any:
    """A copy of a model dump's dicts and lists (their values are immutable: numbers, text, dates, None)."""
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


def _unsafe(cat: Catalogue, withheld: set[Key], key: Key) -> bool:
    cell = cat.cells.get(key)
    return cell is None or key in withheld or (not cell.printed and cell.sensitive)


def _get(report: dict[str, Any], path: Path) -> Any:
    node: Any = report
    for step in path:
        if node is None:
            return None
        node = node[step]
    return node


def _set(report: dict[str, Any], path: Path, value: Any) -> None:
    node: Any = report
    for step in path[:-1]:
        node = node[step]
        if node is None:
            return
    node[path[-1]] = value


# words after suppression ---------------------------------------------------------------------------
def _words(r: dict[str, Any], threshold: int) -> None:
    _recorded_offences(r["recorded_offences"])
    _findings(r)
    if r.get("latest_year"):
        _latest_year(r["latest_year"])
    _geography(r["geography"])
    _demographics(r["demographics"])
    _knives(r["knives"])
    _sexual_violence(r["sexual_violence"])
    _temporal(r["temporal"], threshold)


def _ranked(items: list[dict], value, name, rank_field: str = "rank") -> list[dict]:
    """Published items by value (largest first, ties by name) with ranks among them; withheld items
    after them in name order with no rank, so the order gives no withheld value away."""
    shown = sorted((i for i in items if value(i) is not None), key=lambda i: (-value(i), name(i)))
    hidden = sorted((i for i in items if value(i) is None), key=name)
    for n, item in enumerate(shown, 1):
        item[rank_field] = n
    for item in hidden:
        item[rank_field] = None
    return shown + hidden


def _any_withheld(items: list[dict], value) -> bool:
    return any(value(i) is None for i in items)


def _recorded_offences(o: dict[str, Any]) -> None:
    districts = o.get("districts", [])
    if not _any_withheld(districts, lambda d: d["volume"]["current"]) and \
            not _any_withheld(districts, lambda d: d["volume"]["previous"]):
        return
    for d in districts:
        d["previous_volume_rank"] = None
    prev = sorted((d for d in districts if d["volume"]["previous"] is not None),
                  key=lambda d: (-d["volume"]["previous"], d["district"]))
    for n, d in enumerate(prev, 1):
        d["previous_volume_rank"] = n
    if any(d.get("harm") for d in districts):
        _ranked(districts, lambda d: (d["harm"] or {}).get("current"), lambda d: d["district"], "harm_rank")
    if any(d.get("rate_rank") is not None for d in districts):
        _ranked(districts, lambda d: d.get("rate_per_1000"), lambda d: d["district"], "rate_rank")
    o["districts"] = _ranked(districts, lambda d: d["volume"]["current"], lambda d: d["district"], "volume_rank")
    n = len(o.get("highest_volumes") or [])                 # as many as the report named (report.yaml)
    o["highest_volumes"] = [d["district"] for d in o["districts"] if d["volume_rank"] is not None][:n]
    o["rank_of"] = sum(d["volume_rank"] is not None for d in o["districts"])
    ranks = {d["district"]: d for d in o["districts"]}
    for fig, field in (("focus_volume", "volume_rank"), ("focus_harm", "harm_rank")):
        f = o.get(fig)
        if f is not None:
            f["rank"] = ranks.get(f["district"], {}).get(field) if f["value"] is not None else None
            f["rank_of"] = sum(d[field] is not None for d in o["districts"])


def _findings(r: dict[str, Any]) -> None:
    """Every comparison's findings (which items rose and fell, the overall change, the largest rise and fall,
    the highest item) worked out again from the published figures, by the calculators' own functions."""
    o = r["recorded_offences"]
    if o.get("available", True) and o.get("months") is not None:
        fields = findings.recorded_offences([MonthlyVolume.model_validate(m) for m in o["months"]],
                                            [OffenceGroupVolume.model_validate(g) for g in o["groups"]],
                                            [DistrictVolume.model_validate(d) for d in o["districts"]])
        o.update({k: None if v is None else v.model_dump() for k, v in fields.items()})
        o["groups_rose"] = findings.largest_rises([OffenceGroupVolume.model_validate(g) for g in o["groups"]],
                                                  len(o.get("groups_rose") or []))   # as many as the report named
    v = r["sexual_violence"]
    if v.get("table"):
        fields = findings.sexual_violence([LabelledChange.model_validate(t) for t in v["table"]],
                                          None if v.get("total") is None else Change.model_validate(v["total"]))
        v.update({k: None if x is None else x.model_dump() for k, x in fields.items()})
    g = r["geography"]
    if g.get("districts"):
        fields = findings.geography([DistrictScore.model_validate(d) for d in g["districts"]])
        g.update({k: None if v is None else v.model_dump() for k, v in fields.items()})


def _latest_year(y: dict[str, Any]) -> None:
    if _any_withheld(y.get("trend", []), lambda m: m["count"]):
        month = busiest_month([MonthCount.model_validate(m) for m in y["trend"]])
        y["busiest_month"] = None if month is None else month.model_dump()
    districts = y.get("districts", [])
    if not _any_withheld(districts, lambda d: d["count"]):
        return
    if any(d.get("rate_rank") is not None for d in districts):
        _ranked(districts, lambda d: d.get("rate_per_1000"), lambda d: d["district"], "rate_rank")
    y["districts"] = _ranked(districts, lambda d: d["count"], lambda d: d["district"])
    f = y.get("focus")
    if f is not None:
        f["rank"] = next((d["rank"] for d in y["districts"] if d["district"] == f["district"]), None)
        f["rank_of"] = sum(d["rank"] is not None for d in y["districts"])


def _geography(g: dict[str, Any]) -> None:
    districts = g.get("districts", [])
    if not any(d["suppressed"] for d in districts):
        return
    prev = sorted((d for d in districts if d["volume"]["previous"] is not None),
                  key=lambda d: (-d["volume"]["previous"], d["district"]))
    for d in districts:
        d["previous_rank"] = None
    for n, d in enumerate(prev, 1):
        d["previous_rank"] = n
    if any(d.get("rate_rank") is not None for d in districts):
        _ranked(districts, lambda d: d.get("rate_per_1000"), lambda d: d["district"], "rate_rank")
    g["districts"] = _ranked(districts, lambda d: d["volume"]["current"], lambda d: d["district"])
    g["rank_of"] = sum(d["rank"] is not None for d in g["districts"])
    n = len(g.get("top") or []) or TOP_DISTRICTS          # as many as the report named (report.yaml)
    g["top"] = [d["district"] for d in g["districts"] if d["rank"] is not None][:n]
    g["previous_top"] = [d["district"] for d in prev][:n]
    for field, rose in (("volume", "volume_rose"), ("harm", "harm_rose")):
        g[rose] = [d["district"] for d in g["districts"]
                   if d[field]["change_pct"] is not None and d[field]["change_pct"] > 0]
    if g.get("focus") is not None:
        g["focus"] = _copy(next(d for d in g["districts"] if d["district"] == g["focus"]["district"]))


def _demographics(d: dict[str, Any]) -> None:
    for profile in d.get("age_profiles", []) + d.get("comparison_profiles", []):
        if _any_withheld(profile["bands"], lambda b: b["share"]):
            profile["largest_band"] = largest_band([SuppressibleCount.model_validate(b) for b in profile["bands"]])


def _knives(k: dict[str, Any]) -> None:
    ranking = k.get("district_ranking", [])
    if _any_withheld(ranking, lambda i: i["value"]):
        if any(i.get("rate_rank") is not None for i in ranking):
            _ranked(ranking, lambda i: i.get("rate_per_1000"), lambda i: i["name"], "rate_rank")
        k["district_ranking"] = _ranked(ranking, lambda i: i["value"], lambda i: i["name"])
        n = len(k.get("districts_of_concern") or []) or DISTRICTS_OF_CONCERN
        k["districts_of_concern"] = [_copy(i) for i in k["district_ranking"] if i["rank"] is not None][:n]
        f = k.get("focus")
        if f is not None:
            f["rank"] = next((i["rank"] for i in k["district_ranking"] if i["name"] == f["district"]), None)
            f["rank_of"] = sum(i["rank"] is not None for i in k["district_ranking"])
    if _any_withheld(k.get("age_distribution", []), lambda a: a["count"]):
        k["peak_ages"], k["next_ages"] = most_frequent_ages([AgeCount.model_validate(a) for a in k["age_distribution"]])
    if k.get("modal_suspect_age_from") is None or k.get("modal_suspect_age_to") is None:
        k["modal_suspect_age_from"] = k["modal_suspect_age_to"] = None


def _sexual_violence(v: dict[str, Any]) -> None:
    for group in v.get("highest_districts", []):
        if _any_withheld(group["districts"], lambda i: i["value"]):
            if any(i.get("rate_rank") is not None for i in group["districts"]):
                _ranked(group["districts"], lambda i: i.get("rate_per_1000"), lambda i: i["name"], "rate_rank")
            group["districts"] = _ranked(group["districts"], lambda i: i["value"], lambda i: i["name"])
            n = len(group.get("highest") or [])             # as many as the report named (report.yaml)
            group["highest"] = [i["name"] for i in group["districts"] if i["rank"] is not None][:n]
    months = v.get("month_profile", [])
    if _any_withheld(months, lambda m: m["count"]):
        shown = sorted((m for m in months if m["count"]), key=lambda m: (-m["count"], m["month"]))
        v["peak_months"] = sorted(m["month"] for m in shown[:len(v.get("peak_months") or []) or PEAK_MONTHS])
    if v.get("modal_suspect_band") is None:
        v["modal_suspect_sex"] = None      # "most suspects were male aged …" needs both


def _temporal(t: dict[str, Any], threshold: int) -> None:
    """The busiest published cell and the peaks among published cells. Peaks are named only when the
    peak line (a share of the busiest cell) is above the threshold, so a withheld cell's absence from
    the peaks says nothing more than that it is withheld."""
    for cohort in t.get("cohorts", []):
        cells = [c for row in cohort["counts"] for c in row]
        if all(c is not None for c in cells):
            continue
        grid = np.array([[c or 0 for c in row] for row in cohort["counts"]], dtype=int)
        shown = [c for c in cells if c is not None]
        cohort["max_count"] = max(shown) if shown and max(shown) > 0 else None
        line = (cohort["max_count"] or 0) * cohort["peak_threshold"]
        peaks = peak_windows(grid, cohort["peak_threshold"], cohort.get("band_hours", 1)) if line > threshold else []
        cohort["peaks"] = [p.model_dump() for p in peaks]
        cells = peak_cells(grid, cohort["peak_threshold"], cohort.get("band_hours", 1)) if line > threshold else []
        cohort["peak_cells"] = [c.model_dump() for c in cells]
        cohort["summary"] = join_words([p.label for p in peaks])
        cohort["peaks_withheld"] = not peaks


def _dates(r: dict[str, Any]) -> None:
    """First and last record dates of a scope: the month only."""
    d = r["data"]
    for field in ("first_offence", "last_offence"):
        if isinstance(d.get(field), dt.date):
            d[field] = d[field].replace(day=1)
