"""Report → Report with disclosure control applied in place (public audience).

Counts from 1 to the threshold are withheld (set to ``None``, ``suppressed=True``), and so are the
shares, averages and changes built on them. Within a group of counts shown with its total, a single
withheld count could be recovered by subtraction, so the next smallest count is withheld too
(secondary suppression). Hospital admissions use the NHS HES rule (1–7) on the admissions behind
each monthly average. Zero is never withheld. Heat-map cells (offence counts by day and hour) are withheld like any
count, with the cohort's total when it is small or would give a single withheld cell away. Population
figures (already published by the ONS) are left as they are.
"""
from __future__ import annotations

from snareport.models.achievements import CostSaving
from snareport.models.common import Change, Ranked, ScopeFigure, SuppressibleCount
from snareport.models.report import Report


class _Suppressor:
    def __init__(self, threshold: int):
        self.threshold = threshold
        self.withheld = 0

    def small(self, value: float | None, threshold: int | None = None) -> bool:
        t = self.threshold if threshold is None else threshold
        return value is not None and 1 <= value <= t

    def change(self, ch: Change | None, threshold: int | None = None,
               basis: tuple[float | None, float | None] | None = None) -> None:
        """Withhold either side that is small (or whose ``basis`` count is small) and the % change."""
        if ch is None:
            return
        prev_basis, cur_basis = basis or (ch.previous, ch.current)
        hide_prev, hide_cur = self.small(prev_basis, threshold), self.small(cur_basis, threshold)
        if hide_prev or hide_cur:
            self.withheld += hide_prev + hide_cur
            ch.previous = None if hide_prev else ch.previous
            ch.current = None if hide_cur else ch.current
            ch.change_pct, ch.suppressed, ch.within_noise = None, True, None

    def counts(self, items: list[SuppressibleCount], total_shown: bool = True) -> None:
        """Primary suppression, then secondary: never leave exactly one withheld count in a group."""
        for item in items:
            if self.small(item.count):
                self._hide(item)
        hidden = [i for i in items if i.suppressed]
        if total_shown and len(hidden) == 1:
            others = sorted((i for i in items if not i.suppressed and i.count), key=lambda i: (i.count, i.label))
            if others:
                self._hide(others[0])

    def _hide(self, item: SuppressibleCount) -> None:
        item.count, item.share, item.suppressed = None, None, True
        self.withheld += 1

    def ranked(self, items: list[Ranked]) -> None:
        for item in items:
            if self.small(item.value):
                item.value, item.suppressed = None, True
                self.withheld += 1

    def figure(self, fig: ScopeFigure | None) -> None:
        if fig is not None and self.small(fig.value):
            fig.value, fig.suppressed = None, True
            self.withheld += 1
        if fig is not None and self.small(fig.county_value):
            fig.county_value, fig.suppressed = None, True
            self.withheld += 1


def apply_disclosure(report: Report, threshold: int, hospital_threshold: int) -> Report:
    """Withhold small counts, and figures built on them, in ``report`` (changed in place and returned)."""
    r = report
    s = _Suppressor(threshold)
    _achievements(r, s, hospital_threshold)
    _demographics(r, s)
    _geography(r, s)
    _knives(r, s)
    _sexual_violence(r, s)
    _recorded_offences(r, s)
    _latest_year(r, s)
    _temporal(r, s)
    _data_summary(r, s)
    r.disclosure.applied = True
    r.disclosure.suppressed_values = s.withheld
    hospital = (f" (hospital admissions: 1 to {hospital_threshold})"
                if "hospital_admissions" in r.data.available else "")   # a source without them: no rule for them
    r.disclosure.note = (f"Counts from 1 to {threshold}{hospital}, and "
                         "figures built on them, are withheld and shown as suppressed.")
    return r


def _achievements(r: Report, s: _Suppressor, hospital_threshold: int) -> None:
    a = r.achievements
    for item in [*a.knife_enabled, *a.area_knife_enabled, *a.fallen_groups, *a.fallen_types]:
        s.change(item.change)
    s.change(a.knife_enabled_age_unknown)
    prev_p, cur_p = (a.admissions_periods + [None, None])[:2]
    for item in [*a.admissions, *a.area_admissions]:
        ch = item.change
        basis = (_total(ch.previous, prev_p), _total(ch.current, cur_p))
        s.change(ch, hospital_threshold, basis)
    hidden = [x for x in a.savings if s.small(x.previous) or s.small(x.current)]
    if len(hidden) == 1 and len(a.savings) > 1:
        rest = sorted((x for x in a.savings if x not in hidden), key=lambda x: (x.saving_gbp or 0, x.offence_group))
        hidden.append(rest[0])
    for x in hidden:
        _hide_saving(x)
        s.withheld += 1
    if hidden:  # with the unit costs known, the total would give a withheld fall away
        a.savings_total_gbp = None


def _total(monthly: float | None, period) -> float | None:
    if monthly is None or period is None:
        return None
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    return round(monthly * months)


def _hide_saving(x: CostSaving) -> None:
    x.previous = x.current = x.fall = None
    x.saving_gbp, x.suppressed = None, True


def _demographics(r: Report, s: _Suppressor) -> None:
    d = r.demographics
    for profile in [*d.age_profiles, *d.comparison_profiles]:
        s.counts([*profile.bands, profile.unknown])
    for split in [*d.sex_split, *d.area_sex_split]:
        s.change(split.total)
        for row in split.rows:
            s.change(row.change)
            if row.change.previous is None:
                row.previous_share = None
            if row.change.current is None:
                row.current_share = None
    for comp in [*d.suspect_vs_population, *d.area_suspect_vs_population]:
        if s.small(comp.suspect_count):
            comp.suspect_count, comp.suspect_share, comp.suppressed = None, None, True
            s.withheld += 1
    for h in (d.high_harm, d.area_high_harm):
        if h is not None and (s.small(h.top_people) or s.small(h.people)):  # the share would give the count away
            h.top_harm, h.harm_share, h.suppressed = 0.0, None, True
            h.top_people, h.people, h.people_share = None, None if s.small(h.people) else h.people, None
            s.withheld += 1


def _geography(r: Report, s: _Suppressor) -> None:
    g = r.geography
    for score in g.districts:
        before = s.withheld
        s.change(score.volume)
        if s.withheld != before:
            score.suppressed = True
            hide = [s.small(v) for v in score.volume_by_window]
            score.volume_by_window = [None if h else v for v, h in zip(score.volume_by_window, hide)]
            score.harm_by_window = [None if h else v for v, h in zip(score.harm_by_window, hide)]
            if score.volume.previous is None:
                score.harm.previous = None
            if score.volume.current is None:
                score.harm.current = None
            score.harm.change_pct, score.harm.suppressed = None, True
    if g.focus is not None:
        g.focus = next((x for x in g.districts if x.district == g.focus.district), g.focus)
    s.change(g.county_volume)


def _knives(r: Report, s: _Suppressor) -> None:
    k = r.knives
    s.ranked(k.district_ranking)
    k.districts_of_concern = k.district_ranking[: len(k.districts_of_concern)]
    s.figure(k.focus)
    for ch in (k.knife_offences, k.under_25_injury, k.under_25_non_injury, k.area_under_25_injury,
               k.area_under_25_non_injury):
        s.change(ch)
    if k.under_25_injury is not None and k.under_25_injury.suppressed:
        k.minimum_saving_gbp = None
    for item in k.age_distribution:
        if s.small(item.count):
            item.count, item.suppressed = None, True
            s.withheld += 1
    if s.small(k.age_unknown):
        k.age_unknown = None
        s.withheld += 1
    s.counts(k.suspect_sex)
    s.counts(k.area_suspect_sex)


def _sexual_violence(r: Report, s: _Suppressor) -> None:
    v = r.sexual_violence
    for item in [*v.categories, *v.table]:
        s.change(item.change)
    s.change(v.total)
    s.change(v.area_total)
    s.change(v.overall)
    s.counts(v.top_types, total_shown=False)
    for group in v.highest_districts:
        s.ranked(group.districts)
    for m in v.month_profile:
        if s.small(m.count):
            m.count, m.suppressed = None, True
            s.withheld += 1
    if s.small(v.repeat_suspects):
        v.repeat_suspects, v.repeat_suspect_share = None, None
        s.withheld += 1
    if s.small(v.area_repeat_suspects):
        v.area_repeat_suspects, v.area_repeat_suspect_share = None, None
        s.withheld += 1


def _recorded_offences(r: Report, s: _Suppressor) -> None:
    o = r.recorded_offences
    for volume, harm in ((o.total, o.harm), (o.county_total, o.county_harm)):  # harm goes with its count
        s.change(harm, basis=(volume.previous, volume.current) if volume else None)
        s.change(volume)
    for m in o.months:
        s.change(m.volume)
    for g in o.groups:
        before = s.withheld
        s.change(g.volume)
        if s.withheld != before:
            g.suppressed = True
            g.previous_share = None if g.volume.previous is None else g.previous_share
            g.current_share = None if g.volume.current is None else g.current_share
    for d in o.districts:
        before = s.withheld
        s.change(d.volume)
        if s.withheld != before:
            d.suppressed = True
            if d.harm is not None:
                d.harm.previous = None if d.volume.previous is None else d.harm.previous
                d.harm.current = None if d.volume.current is None else d.harm.current
                d.harm.change_pct, d.harm.suppressed = None, True
            d.current_share = None if d.volume.current is None else d.current_share
            d.rate_per_1000 = None if d.volume.current is None else d.rate_per_1000
    s.figure(o.focus_volume)
    if o.focus_harm is not None and o.focus_volume is not None and o.focus_volume.suppressed:
        o.focus_harm.value, o.focus_harm.suppressed = None, True


def _latest_year(r: Report, s: _Suppressor) -> None:
    """Main-period counts: groups (shown with their total), districts (with the area's total) and the
    monthly trend; a withheld count takes its share and rate with it."""
    y = r.latest_year
    if not y.available:
        return
    if s.small(y.total):
        y.total, y.rate_per_1000 = None, None
        s.withheld += 1
    s.counts(y.groups)
    for d in y.districts:
        if s.small(d.count):
            d.count, d.share, d.rate_per_1000, d.suppressed = None, None, None, True
            s.withheld += 1
    hidden = [d for d in y.districts if d.suppressed]
    if len(hidden) == 1:   # the area's total would give a single withheld district away
        others = sorted((d for d in y.districts if not d.suppressed and d.count), key=lambda d: (d.count, d.district))
        if others:
            d = others[0]
            d.count, d.share, d.rate_per_1000, d.suppressed = None, None, None, True
            s.withheld += 1
    for m in y.trend:
        if s.small(m.count):
            m.count, m.suppressed = None, True
            s.withheld += 1
    in_main = [m for m in y.trend if m.in_main_period]
    if sum(m.suppressed for m in in_main) == 1:   # the period's total would give it away
        others = sorted((m for m in in_main if not m.suppressed and m.count), key=lambda m: (m.count, m.month))
        if others:
            others[0].count, others[0].suppressed = None, True
            s.withheld += 1
    s.figure(y.focus)


def _data_summary(r: Report, s: _Suppressor) -> None:
    """Rows of the offences and people tables are counts of offences and of people's involvements."""
    for t in r.data.tables:
        if t.table in ("offences", "people"):
            for field in ("rows", "total_rows"):
                if s.small(getattr(t, field)):
                    setattr(t, field, None)
                    s.withheld += 1


def _temporal(r: Report, s: _Suppressor) -> None:
    for cohort in r.temporal.cohorts:
        hidden = 0
        for row in cohort.counts:
            for hour, value in enumerate(row):
                if s.small(value):
                    row[hour] = None
                    hidden += 1
        s.withheld += hidden
        if s.small(cohort.total) or hidden == 1:
            cohort.total = None
            s.withheld += 1
        if s.small(cohort.max_count):
            cohort.max_count = None
