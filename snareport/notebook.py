"""Report → the short HTML summary a notebook shows (``Report._repr_html_``): scope, periods, headline figures.

Kept out of ``models/`` (which only describe data), as :mod:`snareport.tables` is for ``Report.tables()``.
Numbers are printed by :mod:`snareport.formatting`, as in the PDF.
"""
from __future__ import annotations

from html import escape
from typing import Any

SECTIONS = ("population", "achievements", "demographics", "geography", "temporal", "knives", "sexual_violence",
            "recorded_offences")


def report_html(report: Any) -> str:
    from snareport import formatting as fmt

    m = report.metadata
    rows = [("Scope", m.scope_label + (f" (district of {m.area})" if m.district else "")),
            ("Edition", m.edition), ("Audience", f"{m.audience} ({m.protective_marking})"),
            ("Published", fmt.long_date(m.publication_date)),
            ("Periods", "; ".join(f"{p.label} ({p.name})" for p in report.periods))]
    o = report.recorded_offences
    if o.available and o.total is not None:
        t = o.total
        rows.append(("Recorded serious violence",
                     f"{fmt.count(t.previous, suppressed=t.suppressed)} → {fmt.count(t.current, suppressed=t.suppressed)}"
                     f" ({fmt.change_pct(t)}), "
                     + " to ".join(p.label for p in o.periods[:2])))
    for k in report.achievements.knife_enabled:
        rows.append((f"Knife-enabled, {k.label}", f"{fmt.change_counts(k.change)} ({fmt.change_pct(k.change)})"))
    if report.disclosure.applied:
        rows.append(("Withheld values", f"{report.disclosure.suppressed_values} (threshold {report.disclosure.threshold})"))
    sections = [f"{name.replace('_', ' ')}{'' if getattr(report, name).available else ' (not available)'}"
                for name in SECTIONS]
    rows.append(("Sections", ", ".join(sections)))
    body = "".join(f"<tr><th style='text-align:left'>{escape(k)}</th><td style='text-align:left'>{escape(str(v))}</td></tr>"
                   for k, v in rows)
    return (f"<div><strong>{escape(m.title)}</strong> — {escape(m.scope_label)}, {escape(m.edition)}"
            f"<table>{body}</table><small>report.tables() gives every table as a DataFrame; "
            f"report.model_dump_json() every figure.</small></div>")
