"""Reports of one batch → the same reports as published: disclosure control over all of them at once.

The whole area's report and every district's are published together, so a figure withheld in one must
not be recoverable from the others. The step is pure: the raw reports are dumped, the published
figures and the sums that tie them are collected (``collect``), the cells to withhold are solved and
audited with the attacker's linear program (``solve``), and new reports are built from the blanked
dumps with their words worked out again (``publish``). See docs/methodology.md, "Disclosure control".
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from snareport.collector import collector_held_back
from snareport.disclosure.collect import collect
from snareport.disclosure.publish import publish
from snareport.disclosure.solve import Result, solve

if TYPE_CHECKING:  # pragma: no cover
    from snareport.models.report import Report

__all__ = ["disclose", "plan", "Result"]

log = logging.getLogger(__name__)


def plan(reports: dict[str | None, Report], threshold: int, hospital_threshold: int):
    """The catalogue of cells and relations and the solved suppression (for audits and measurements)."""
    raw = {name or "": r.model_dump() for name, r in reports.items()}
    cat = collect(raw, threshold, hospital_threshold)
    return raw, cat, solve(cat)


def disclose(reports: dict[str | None, Report], threshold: int, hospital_threshold: int,
             scopes: Iterable[str | None] | None = None) -> dict[str | None, Report]:
    """New public reports (keys as given: ``None`` for the whole area, else the district's name) of
    ``scopes`` (default: every report given). Every report given is audited together whichever are asked for,
    so a report is the same however many of the batch are published from one call."""
    # disclosure makes some 130,000 small objects (cells, places, keys, relations, LP rows, dumps) in no
    # reference cycle, all gone when it returns: the collections their making would set off find nothing
    with collector_held_back():
        return _disclose(reports, threshold, hospital_threshold, scopes)


def _disclose(reports: dict[str | None, Report], threshold: int, hospital_threshold: int,
              scopes: Iterable[str | None] | None) -> dict[str | None, Report]:
    from snareport.models.report import Report

    wanted = list(reports) if scopes is None else [s for s in dict.fromkeys(scopes) if s in reports]
    raw, cat, result = plan(reports, threshold, hospital_threshold)
    if result.unresolved:
        log.warning("disclosure: %d withheld cells could not be protected further", len(result.unresolved))
    log.info("disclosure: %d primary and %d secondary cells withheld in %.2f s (%d LPs)",
             len(result.primary), len(result.secondary), result.seconds, result.lps)
    published = publish(raw, cat, result.withheld, [name or "" for name in wanted])
    withheld = _counts(cat, result)
    out = {}
    for name in wanted:
        report = reports[name]
        dump = published[name or ""]
        counts = withheld.get(name or "", (0, 0))
        dump["disclosure"] = {
            **dump["disclosure"], "applied": True, "suppressed_values": counts[0] + counts[1],
            "note": (f"Counts from 1 to {threshold} (hospital admissions: 1 to {hospital_threshold}) are "
                     "withheld, with other figures that would let them be worked out from this or the other "
                     "reports published with it, and shown as [c]."),
        }
        # a section publishing left as it was is the report's own (frozen) model, so only what changed is
        # validated again (pydantic takes a model instance as it is)
        for field, value in raw[name or ""].items():
            if dump[field] == value:
                dump[field] = getattr(report, field)
        public = Report.model_validate(dump)
        # what the JSON never holds (the theme file found from the dataset folder) goes with the report
        public.metadata._theme_location = report.metadata._theme_location
        out[name] = public
    return out


def _counts(cat, result: Result) -> dict[str, tuple[int, int]]:
    """Withheld values printed in each report: (primary, secondary)."""
    counts: dict[str, list[int]] = {}
    for key in result.withheld:
        primary = key in result.primary
        for loc in cat.cells[key].locations:
            counts.setdefault(loc.report, [0, 0])[0 if primary else 1] += 1
    return {report: (prim, sec) for report, (prim, sec) in counts.items()}
