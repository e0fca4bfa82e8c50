"""Raw report dumps of one batch → Catalogue: every published count, where it is printed, and the sums.

One function per section says which fields are counts (and their cell keys), which are built from
counts (shares, % changes, savings, averages) and which sums tie them: a table adds up to its total,
a district's figures add up to its authority's and every district's to the whole area's, the months
and the weekday × hour grid add up to their period's total. Periods are keyed by their role
(``Y0`` baseline, ``Y1`` previous, ``Y2`` current financial year; ``W0``–``W2`` the rolling windows),
so the same figure in two reports is the same cell.
"""
from __future__ import annotations

from typing import Any

from snareport.disclosure.catalogue import Catalogue, Key, Path

AREA = "area"
NOT_ADDITIVE = {"hh", "svs", "svword", "kmodal_age",   # distinct people: a person can be in two districts
                "heatband"}                              # bands differ by scope: tied through their hours
YOY = ("Y1", "Y2")
OLDEST = 130          # an age range without an upper bound sums the single ages up to this


def collect(reports: dict[str, dict[str, Any]], threshold: int, hospital_threshold: int) -> Catalogue:
    """``reports``: model dumps keyed by district name ("" for the whole area)."""
    cat = Catalogue(threshold)
    authorities = _authorities(reports)
    # every district of the area, whether or not its own report is in the batch (its figures are
    # printed in the others' tables all the same)
    districts = list(dict.fromkeys([*(d for members in authorities.values() for d in members),
                                    *(name for name in reports if name)]))
    for name, r in reports.items():
        c = _Collector(cat, name, r, hospital_threshold)
        c.recorded_offences()
        c.achievements()
        c.demographics()
        c.geography()
        c.knives()
        c.sexual_violence()
        c.temporal()
        c.latest_year()
        c.data_tables()
    _area_sums(cat, districts, authorities)
    cat.finish()
    return cat


def _authorities(reports: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in reports.values():
        for d in r["population"].get("districts", []):
            out.setdefault(d["authority"], [])
            if d["district"] not in out[d["authority"]]:
                out[d["authority"]].append(d["district"])
    return out


class _Collector:
    def __init__(self, cat: Catalogue, name: str, report: dict[str, Any], hospital_threshold: int):
        self.cat, self.name, self.r, self.hes = cat, name, report, hospital_threshold
        self.scope = name or AREA

    # helpers ---------------------------------------------------------------------------------------
    def count(self, key: Key, path: Path, *, headline: bool = False, flag: Path | None = None,
              kind: str = "count", scale: float = 1.0, threshold: int | None = None) -> Key | None:
        value = self._get(path)
        if value is None:
            return None
        return self.cat.cell(key, value * scale, self.name, path, headline=headline, flag=flag, kind=kind,
                             threshold=threshold)

    def _printed(self, key: Key, value: Any, path: Path) -> Key | None:
        """``count`` of a value already read from ``path``."""
        return None if value is None else self.cat.cell(key, value, self.name, path)

    def change(self, prev: Key, cur: Key, path: Path, *, headline: bool = False, kind: str = "count",
               scale: float = 1.0, threshold: int | None = None) -> tuple[Key | None, Key | None]:
        """A ``Change`` at ``path``: both sides are cells, the % change is built on both."""
        if self._get(path) is None:
            return None, None
        flag = (*path, "suppressed")
        a = self.count(prev, (*path, "previous"), headline=headline, flag=flag, kind=kind, scale=scale,
                       threshold=threshold)
        b = self.count(cur, (*path, "current"), headline=headline, flag=flag, kind=kind, scale=scale,
                       threshold=threshold)
        self.cat.derive(self.name, (*path, "change_pct"), [k for k in (a, b) if k], flag)
        if self._get(path).get("within_noise") is not None:      # "within the range expected by chance"
            self.cat.derive(self.name, (*path, "within_noise"), [k for k in (a, b) if k])
        return a, b

    def derive(self, path: Path, depends: list[Key | None], flag: Path | None = None,
               replacement: object = None) -> None:
        if self._get(path) is not None:
            self.cat.derive(self.name, path, [k for k in depends if k], flag, replacement)

    def _get(self, path: Path) -> Any:
        node: Any = self.r
        for step in path:
            if node is None:
                return None
            node = node[step]
        return node

    def section(self, name: str) -> dict[str, Any] | None:
        s = self.r.get(name)
        return s if s and s.get("available", True) else None

    # sections --------------------------------------------------------------------------------------
    def recorded_offences(self) -> None:
        o = self.section("recorded_offences")
        if o is None:
            return
        S, P = self.scope, ("recorded_offences",)
        tot = self.change(("ro", S, "all", "Y1"), ("ro", S, "all", "Y2"), (*P, "total"), headline=True)
        harm = self.change(("roh", S, "Y1"), ("roh", S, "Y2"), (*P, "harm"), kind="harm")
        self.change(("ro", AREA, "all", "Y1"), ("ro", AREA, "all", "Y2"), (*P, "county_total"), headline=True)
        self.change(("roh", AREA, "Y1"), ("roh", AREA, "Y2"), (*P, "county_harm"), kind="harm")
        for side in (0, 1):
            self.cat.link(tot[side], harm[side]) if tot[side] and harm[side] else None
        months: list[list[Key]] = [[], []]
        for i, m in enumerate(o.get("months", [])):
            keys = []
            for side, field in (("previous", "previous_month"), ("current", "current_month")):
                key = ("ro", S, "month", str(m[field])) if m[field] is not None else None
                if key and m["volume"][side] is not None:
                    self.count(key, (*P, "months", i, "volume", side), flag=(*P, "months", i, "volume", "suppressed"))
                    months[side == "current"].append(key)
                keys.append(key)
            self.derive((*P, "months", i, "volume", "change_pct"), keys)
        for side in range(len(YOY)):
            if tot[side] and months[side]:
                self.cat.relate(tot[side], months[side])
        groups: list[list[Key]] = [[], []]
        for i, g in enumerate(o.get("groups", [])):
            at = (*P, "groups", i)
            a, b = self.change(("ro", S, g["group"], "Y1"), ("ro", S, g["group"], "Y2"), (*at, "volume"))
            self._flag_also(a, at), self._flag_also(b, at)
            self.derive((*at, "previous_share"), [a, tot[0]])
            self.derive((*at, "current_share"), [b, tot[1]])
            groups[0].append(a), groups[1].append(b)
        for side in (0, 1):
            if tot[side]:
                self.cat.relate(tot[side], [k for k in groups[side] if k])
        for i, g in enumerate(o.get("area_groups") or []):   # the area's groups beside a district's: the area's cells
            at = (*P, "area_groups", i)
            a, b = self.change(("ro", AREA, g["group"], "Y1"), ("ro", AREA, g["group"], "Y2"), (*at, "volume"))
            self._flag_also(a, at), self._flag_also(b, at)
            self.derive((*at, "previous_share"), [a, ("ro", AREA, "all", "Y1")])
            self.derive((*at, "current_share"), [b, ("ro", AREA, "all", "Y2")])
        for i, d in enumerate(o.get("districts", [])):
            at = (*P, "districts", i)
            a, b = self.change(("ro", d["district"], "all", "Y1"), ("ro", d["district"], "all", "Y2"),
                               (*at, "volume"))
            ha, hb = self.change(("roh", d["district"], "Y1"), ("roh", d["district"], "Y2"), (*at, "harm"),
                                 kind="harm")
            for k, h in ((a, ha), (b, hb)):
                self._flag_also(k, at)
                if k and h:
                    self.cat.link(k, h)
            self.derive((*at, "current_share"), [b, ("ro", AREA, "all", "Y2")])
            self.derive((*at, "rate_per_1000"), [b])
        for fig, key in (("focus_volume", ("ro", S, "all", "Y2")), ("focus_harm", ("roh", S, "Y2"))):
            if o.get(fig) is not None:
                kind = "harm" if fig == "focus_harm" else "count"
                area = ("roh", AREA, "Y2") if kind == "harm" else ("ro", AREA, "all", "Y2")
                self.count(key, (*P, fig, "value"), flag=(*P, fig, "suppressed"), kind=kind, headline=True)
                self.count(area, (*P, fig, "county_value"), flag=(*P, fig, "suppressed"), kind=kind)
                self.derive((*P, fig, "district_mean"), [area])     # the area's figure ÷ the number of districts
        self.count(("ro_unweighted", S), (*P, "unweighted_offences"))

    def _flag_also(self, key: Key | None, at: Path) -> None:
        if key:
            self.cat.flags.setdefault(key, []).append((self.name, (*at, "suppressed")))

    def achievements(self) -> None:
        a = self.section("achievements")
        if a is None:
            return
        S, P = self.scope, ("achievements",)
        for field, where in (("knife_enabled", S), ("area_knife_enabled", AREA)):
            for i, item in enumerate(a.get(field) or []):
                self.change(("knife", where, item["key"], "Y1"), ("knife", where, item["key"], "Y2"),
                            (*P, field, i, "change"), headline=True)
        self.change(("knife", S, "age_unknown", "Y1"), ("knife", S, "age_unknown", "Y2"),
                    (*P, "knife_enabled_age_unknown"))
        rolling = a.get("rolling")   # the two windows the monthly averages compare
        months = [_months(rolling["earlier"]), _months(rolling["later"])] if rolling else []
        for field, where in (("admissions", S if a.get("admissions_scope") == "district" else AREA),
                             ("area_admissions", AREA)):
            self._admissions(a, field, where, months)
        for i, item in enumerate(a.get("fallen_groups", [])):
            self.change(("ro", S, item["key"], "Y1"), ("ro", S, item["key"], "Y2"), (*P, "fallen_groups", i, "change"))
        for i, item in enumerate(a.get("fallen_types", [])):
            self.change(("type", S, item["key"], "Y1"), ("type", S, item["key"], "Y2"),
                        (*P, "fallen_types", i, "change"))
        saved: list[Key] = []
        for i, s in enumerate(a.get("savings", [])):
            at = (*P, "savings", i)
            k0 = self.count(("ro", S, s["offence_group"], "Y0"), (*at, "previous"), flag=(*at, "suppressed"))
            k2 = self.count(("ro", S, s["offence_group"], "Y2"), (*at, "current"), flag=(*at, "suppressed"))
            for f in ("fall", "saving_gbp"):
                self.derive((*at, f), [k0, k2], (*at, "suppressed"))
            saved += [k for k in (k0, k2) if k]
        self.derive((*P, "savings_total_gbp"), saved)

    def _admissions(self, a: dict[str, Any], field: str, where: str, months: list[int]) -> None:
        """Monthly averages of admissions: the cells are the admissions behind them (HES rule)."""
        P = ("achievements",)
        adm: dict[str, tuple] = {}
        if len(months) == 2:
            for i, item in enumerate(a.get(field) or []):
                ch = item["change"]
                keys = []
                for side, (period, n) in enumerate(zip(("W1", "W2"), months)):
                    end = ("previous", "current")[side]
                    key = ("adm", where, item["key"], period)
                    if ch[end] is not None:
                        self.count(key, (*P, field, i, "change", end), scale=n, threshold=self.hes,
                                   flag=(*P, field, i, "change", "suppressed"), headline=True)
                    keys.append(key)
                self.derive((*P, field, i, "change", "change_pct"), keys)
                adm[item["key"]] = tuple(keys)
        if "all_ages" in adm and "under_25" in adm:      # all ages = under 25s + 25 and over (never printed)
            for side, period in enumerate(("W1", "W2")):
                total, young = (self.cat.cells.get(adm[k][side]) for k in ("all_ages", "under_25"))
                if total and young and total.value is not None and young.value is not None:
                    older = self.cat.cell(("adm", where, "25_plus", period), total.value - young.value,
                                          threshold=self.hes)
                    self.cat.relate(adm["all_ages"][side], [adm["under_25"][side], older])

    def demographics(self) -> None:
        d = self.section("demographics")
        if d is None:
            return
        S, P = self.scope, ("demographics",)
        for field in ("age_profiles", "comparison_profiles"):
            for i, prof in enumerate(d.get(field, [])):
                at = (*P, field, i)
                area = S if prof["kind"] == "district" else "auth:" + prof["area"]
                role = prof["role"]
                total = self.count(("inv", area, role, "all", "Y2"), (*at, "total"))
                parts = []
                for j, band in enumerate(prof["bands"]):
                    k = self.count(("inv", area, role, band["label"], "Y2"), (*at, "bands", j, "count"),
                                   flag=(*at, "bands", j, "suppressed"))
                    self.derive((*at, "bands", j, "share"), [k, total], (*at, "bands", j, "suppressed"))
                    parts.append(k)
                k = self.count(("inv", area, role, "unknown", "Y2"), (*at, "unknown", "count"),
                               flag=(*at, "unknown", "suppressed"))
                self.derive((*at, "unknown", "share"), [k, total], (*at, "unknown", "suppressed"))
                parts.append(k)
                if total:
                    self.cat.relate(total, [p for p in parts if p])
        for field, where in (("sex_split", S), ("area_sex_split", AREA)):
            for i, split in enumerate(d.get(field) or []):
                at, role = (*P, field, i), split["role"]
                tot = self.change(("inv", where, role, "all", "Y1"), ("inv", where, role, "all", "Y2"), (*at, "total"))
                rows: list[list[Key]] = [[], []]
                for j, row in enumerate(split["rows"]):
                    keys = self.change(("inv", where, role, "sex:" + row["sex"], "Y1"),
                                       ("inv", where, role, "sex:" + row["sex"], "Y2"), (*at, "rows", j, "change"))
                    for side, f in enumerate(("previous_share", "current_share")):
                        self.derive((*at, "rows", j, f), [keys[side], tot[side]])
                        rows[side].append(keys[side])
                for side in (0, 1):
                    if tot[side]:
                        self.cat.relate(tot[side], [k for k in rows[side] if k])
        for field, where in (("suspect_vs_population", S), ("area_suspect_vs_population", AREA)):
            total = ("inv", where, "suspect", "all", "Y2")
            for i, comp in enumerate(d.get(field) or []):
                at = (*P, field, i)
                k = self.count(("inv", where, "suspect", comp["band"], "Y2"), (*at, "suspect_count"),
                               flag=(*at, "suppressed"))
                self.derive((*at, "suspect_share"), [k, total], (*at, "suppressed"))
        for field, where in (("high_harm", S), ("area_high_harm", AREA)):
            h = d.get(field)
            if h is None:
                continue
            at = (*P, field)
            people = self.count(("hh", where, "people"), (*at, "people"), flag=(*at, "suppressed"))
            top = self.count(("hh", where, "top"), (*at, "top_people"), flag=(*at, "suppressed"))
            self.derive((*at, "people_share"), [people, top], (*at, "suppressed"))
            self.derive((*at, "harm_share"), [people, top], (*at, "suppressed"))
            self.derive((*at, "top_harm"), [people, top], (*at, "suppressed"), replacement=0.0)

    def geography(self) -> None:
        g = self.section("geography")
        if g is None:
            return
        P = ("geography",)
        for field in ("districts", "focus"):
            items = g.get(field)
            if items is None:
                continue
            for i, s in (enumerate(items) if field == "districts" else [(None, items)]):
                at = (*P, field, i) if i is not None else (*P, field)
                d = s["district"]
                vol = self.change(("geo", d, "W1"), ("geo", d, "W2"), (*at, "volume"))
                self.derive((*at, "rate_per_1000"), [vol[1]])
                hrm = self.change(("geoh", d, "W1"), ("geoh", d, "W2"), (*at, "harm"), kind="harm")
                for k in (*vol, *hrm):
                    self._flag_also(k, at)
                for w, period in enumerate(("W0", "W1", "W2")):
                    kv = self.count(("geo", d, period), (*at, "volume_by_window", w), flag=(*at, "suppressed"))
                    kh = self.count(("geoh", d, period), (*at, "harm_by_window", w), kind="harm",
                                    flag=(*at, "suppressed"))
                    if kv and kh:
                        self.cat.link(kv, kh)
                    self.derive((*at, "volume_direction"), [kv])
                    self.derive((*at, "harm_direction"), [kh])
        self.change(("geo", AREA, "W1"), ("geo", AREA, "W2"), (*P, "county_volume"))
        self.change(("geoh", AREA, "W1"), ("geoh", AREA, "W2"), (*P, "county_harm"), kind="harm")

    def knives(self) -> None:
        k = self.section("knives")
        if k is None:
            return
        S, P = self.scope, ("knives",)
        for field in ("district_ranking", "districts_of_concern"):
            for i, item in enumerate(k.get(field, [])):
                key = self.count(("knife", item["name"], "all", "Y2"), (*P, field, i, "value"),
                                 flag=(*P, field, i, "suppressed"))
                self.derive((*P, field, i, "rate_per_1000"), [key])
        if k.get("focus") is not None:
            self.count(("knife", S, "all", "Y2"), (*P, "focus", "value"), flag=(*P, "focus", "suppressed"),
                       headline=True)
            self.count(("knife", AREA, "all", "Y2"), (*P, "focus", "county_value"), flag=(*P, "focus", "suppressed"))
            self.derive((*P, "focus", "district_mean"), [("knife", AREA, "all", "Y2")])
        self.change(("knife", S, "all", "Y1"), ("knife", S, "all", "Y2"), (*P, "knife_offences"), headline=True)
        ages = []
        for i, item in enumerate(k.get("age_distribution", [])):
            ages.append(self.count(("kage", S, item["age"]), (*P, "age_distribution", i, "count"),
                                   flag=(*P, "age_distribution", i, "suppressed")))
        known = self.count(("kage", S, "known"), (*P, "age_known"))
        if known:
            self.cat.relate(known, [a for a in ages if a])
        self.count(("kage", AREA, "known"), (*P, "area_age_known"))
        for field, where in (("age_groups", S), ("area_age_groups", AREA)):   # cohorts: sums of single ages
            for i, g in enumerate(k.get(field) or []):
                at = (*P, field, i)
                n = self.count(("kagegroup", where, g["label"]), (*at, "count"), flag=(*at, "suppressed"))
                top = g["max_age"] if g["max_age"] is not None else OLDEST
                if n:
                    self.cat.relate(n, [("kage", where, a) for a in range(g["min_age"], top + 1)])
                self.derive((*at, "share"), [n, ("kage", where, "known")], (*at, "suppressed"))
        ages.append(self.count(("kage", S, "unknown"), (*P, "age_unknown")))
        inj = self.change(("ku25", S, "injury", "Y1"), ("ku25", S, "injury", "Y2"), (*P, "under_25_injury"))
        self.change(("ku25", S, "non_injury", "Y1"), ("ku25", S, "non_injury", "Y2"), (*P, "under_25_non_injury"))
        self.change(("ku25", AREA, "injury", "Y1"), ("ku25", AREA, "injury", "Y2"), (*P, "area_under_25_injury"))
        self.change(("ku25", AREA, "non_injury", "Y1"), ("ku25", AREA, "non_injury", "Y2"),
                    (*P, "area_under_25_non_injury"))
        area_sexes = [self.count(("ksex", AREA, item["label"]), (*P, "area_suspect_sex", i, "count"),
                                 flag=(*P, "area_suspect_sex", i, "suppressed"))
                      for i, item in enumerate(k.get("area_suspect_sex") or [])]
        for i, _ in enumerate(k.get("area_suspect_sex") or []):
            self.derive((*P, "area_suspect_sex", i, "share"), area_sexes, (*P, "area_suspect_sex", i, "suppressed"))
        self.derive((*P, "area_victim_female_share"), [("kvictim", AREA, "female"), ("kvictim", AREA, "known")])
        self.derive((*P, "minimum_saving_gbp"), list(inj))
        sexes = []
        for i, item in enumerate(k.get("suspect_sex", [])):
            sexes.append(self.count(("ksex", S, item["label"]), (*P, "suspect_sex", i, "count"),
                                    flag=(*P, "suspect_sex", i, "suppressed")))
        for i, _ in enumerate(k.get("suspect_sex", [])):
            self.derive((*P, "suspect_sex", i, "share"), sexes, (*P, "suspect_sex", i, "suppressed"))
        self.count(("ksex", S, "unknown"), (*P, "suspect_sex_unknown"))
        modal = ("ksex", S, k.get("modal_suspect_sex"))
        self.derive((*P, "modal_suspect_sex"), [modal])
        age_n = self.count(("kmodal_age", S), (*P, "modal_suspect_age_count")) if "modal_suspect_age_count" in k \
            else ("kmodal_age", S, "unknown")
        for f in ("modal_suspect_age_from", "modal_suspect_age_to", "modal_suspect_age_count"):
            self.derive((*P, f), [modal, age_n])
        fem = self.count(("kvictim", S, "female"), (*P, "victim_female")) if "victim_female" in k else None
        known = self.count(("kvictim", S, "known"), (*P, "victim_known_sex")) if "victim_known_sex" in k else None
        if known and fem:
            self.cat.relate(known, [fem, self.cat.cell(("kvictim", S, "male"), self._get((*P, "victim_known_sex"))
                                                       - self._get((*P, "victim_female")))])
        self.derive((*P, "victim_female_share"), [fem or ("kvictim", S, "unknown"), known or ("kvictim", S, "unknown")])

    def sexual_violence(self) -> None:
        v = self.section("sexual_violence")
        if v is None:
            return
        S, P = self.scope, ("sexual_violence",)
        cats: list[list[Key]] = [[], []]
        for i, item in enumerate(v.get("categories", [])):
            keys = self.change(("sv", S, item["key"], "Y1"), ("sv", S, item["key"], "Y2"),
                               (*P, "categories", i, "change"))
            for side in (0, 1):
                cats[side].append(keys[side])
        for i, item in enumerate(v.get("table", [])):
            self.change(("sv", S, item["key"], "Y1"), ("sv", S, item["key"], "Y2"), (*P, "table", i, "change"),
                        headline=True)
        tot = self.change(("sv", S, "all", "Y1"), ("sv", S, "all", "Y2"), (*P, "total"))
        self.change(("sv", AREA, "all", "Y1"), ("sv", AREA, "all", "Y2"), (*P, "area_total"))
        for i, item in enumerate(v.get("area_table") or []):
            self.change(("sv", AREA, item["key"], "Y1"), ("sv", AREA, item["key"], "Y2"), (*P, "area_table", i, "change"))
        for i, item in enumerate(v.get("area_top_types") or []):
            t = self.count(("svtype", AREA, item["label"], "3y"), (*P, "area_top_types", i, "count"),
                           flag=(*P, "area_top_types", i, "suppressed"))
            self.derive((*P, "area_top_types", i, "share"), [t, ("sv", AREA, "all", "3y")],
                        (*P, "area_top_types", i, "suppressed"))
        for side, period in enumerate(YOY):
            if tot[side]:
                self.cat.relate(tot[side], [k for k in cats[side] if k])
            self.cat.relate(("sv", S, "sexual_assault", period),
                            [("sv", S, "contact", period), ("sv", S, "penetration", period)])
        base = self.change(("sv", S, "all", "Y0"), ("sv", S, "all", "Y2"), (*P, "overall"))
        three = self.count(("sv", S, "all", "3y"), (*P, "three_year_total"))
        if three and base[0] and tot[0] and tot[1]:
            self.cat.relate(three, [base[0], tot[0], tot[1]])
        for i, item in enumerate(v.get("top_types", [])):
            t = self.count(("svtype", S, item["label"], "3y"), (*P, "top_types", i, "count"),
                           flag=(*P, "top_types", i, "suppressed"))
            self.derive((*P, "top_types", i, "share"), [t, ("sv", S, "all", "3y")], (*P, "top_types", i, "suppressed"))
        for i, group in enumerate(v.get("highest_districts", [])):
            for j, item in enumerate(group["districts"]):
                key = self.count(("sv", item["name"], group["category"], "Y2"),
                                 (*P, "highest_districts", i, "districts", j, "value"),
                                 flag=(*P, "highest_districts", i, "districts", j, "suppressed"))
                self.derive((*P, "highest_districts", i, "districts", j, "rate_per_1000"), [key])
        months = [self.count(("svm", S, m["month"]), (*P, "month_profile", i, "count"),
                             flag=(*P, "month_profile", i, "suppressed")) for i, m in enumerate(v.get("month_profile", []))]
        if three and months:
            self.cat.relate(three, [m for m in months if m])
        rep = self.count(("svs", S, "repeat"), (*P, "repeat_suspects"))
        dist = self.count(("svs", S, "distinct"), (*P, "distinct_suspects"))
        self.derive((*P, "repeat_suspect_share"), [rep, dist])
        area_rep = self.count(("svs", AREA, "repeat"), (*P, "area_repeat_suspects"))
        self.derive((*P, "area_repeat_suspect_share"), [area_rep, ("svs", AREA, "distinct")])
        for word, count_field in (("modal_suspect_band", "modal_suspect_band_count"),
                                  ("modal_suspect_sex", "modal_suspect_sex_count"),
                                  ("non_contact_peak_suspect_band", "non_contact_peak_suspect_band_count")):
            n = self.count(("svword", S, word), (*P, count_field)) if count_field in v \
                else ("svword", S, word, "unknown")
            self.derive((*P, word), [n])
            self.derive((*P, count_field), [n])

    def temporal(self) -> None:
        t = self.section("temporal")
        if t is None:
            return
        S, P = self.scope, ("temporal",)
        for i, cohort in enumerate(t.get("cohorts", [])):
            at, c = (*P, "cohorts", i), cohort["cohort"]
            b = cohort.get("band_hours", 1)
            grid = []
            for day, row in enumerate(cohort["counts"]):      # 168 cells a cohort: each value read from its row
                for col, value in enumerate(row):
                    if b == 1:
                        grid.append(self._printed(("heat", S, c, day, col), value, (*at, "counts", day, col)))
                        continue
                    # a band of b hours: the sum of its hours, which no report prints (free cells), so the
                    # area = sum of districts still ties every scope hour by hour, whatever its bands
                    band = self._printed(("heatband", S, c, day, col * b, b), value, (*at, "counts", day, col))
                    grid.append(band)
                    hours = [("heat", S, c, day, h) for h in range(col * b, (col + 1) * b)]
                    for hour in hours:
                        self.cat.cell(hour, None)
                    if band:
                        self.cat.relate(band, hours)
            total = self.count(("heat", S, c, "all"), (*at, "total"))
            if total:
                self.cat.relate(total, [g for g in grid if g])

    def latest_year(self) -> None:
        y = self.section("latest_year")
        if y is None:
            return
        S, P = self.scope, ("latest_year",)
        total = self.count(("ly", S, "all"), (*P, "total"), headline=True)
        self.derive((*P, "rate_per_1000"), [total])
        area = self.count(("ly", AREA, "all"), (*P, "county_total"))
        self.derive((*P, "county_rate_per_1000"), [area])
        groups = []
        for i, g in enumerate(y.get("groups", [])):
            groups.append(self.count(("ly", S, g["label"]), (*P, "groups", i, "count"),
                                     flag=(*P, "groups", i, "suppressed")))
            self.derive((*P, "groups", i, "share"), [groups[-1], total], (*P, "groups", i, "suppressed"))
        if total and groups:
            self.cat.relate(total, [k for k in groups if k])
        for i, d in enumerate(y.get("districts", [])):
            at = (*P, "districts", i)
            k = self.count(("ly", d["district"], "all"), (*at, "count"), flag=(*at, "suppressed"))
            self.derive((*at, "share"), [k, ("ly", AREA, "all")], (*at, "suppressed"))
            self.derive((*at, "rate_per_1000"), [k], (*at, "suppressed"))
        months = []
        for i, m in enumerate(y.get("trend", [])):
            key = self.count(("lym", S, str(m["month"])), (*P, "trend", i, "count"), flag=(*P, "trend", i, "suppressed"))
            if m.get("in_main_period") and key:
                months.append(key)
        if total and months:
            self.cat.relate(total, months)
        if y.get("focus") is not None:
            self.count(("ly", S, "all"), (*P, "focus", "value"), flag=(*P, "focus", "suppressed"), headline=True)
            self.count(("ly", AREA, "all"), (*P, "focus", "county_value"), flag=(*P, "focus", "suppressed"))

    def data_tables(self) -> None:
        for i, t in enumerate(self.r["data"].get("tables", [])):
            if t["table"] in ("offences", "people"):
                self.count(("rows", self.scope, t["table"]), ("data", "tables", i, "rows"))
                self.count(("rows", AREA, t["table"]), ("data", "tables", i, "total_rows"))


def _months(period: dict[str, Any]) -> int:
    start, end = period["start"], period["end"]
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _area_sums(cat: Catalogue, districts: list[str], authorities: dict[str, list[str]]) -> None:
    """Whole area = sum of districts, authority = sum of its districts, for every keyed family of cells."""
    by_family: dict[tuple, set] = {}
    for key in list(cat.cells):
        if len(key) >= 2 and key[1] == AREA:
            by_family.setdefault((key[0], *key[2:]), set())
    for family in by_family:
        head, rest = family[0], family[1:]
        if head in NOT_ADDITIVE:
            continue
        parts = [(head, d, *rest) for d in districts]
        if head == "heat" and any(p not in cat.cells for p in parts):
            continue   # hours (free where a district prints bands) tie the area only to a batch of every district
        # offence types, and baseline-year groups, are printed for a district only where they fell
        cat.relate((head, AREA, *rest), parts,
                   free_parts=head == "type" or (head == "ro" and rest[-1] == "Y0"))
    for key in list(cat.cells):                  # an authority = the sum of its districts
        if key[0] == "inv" and str(key[1]).startswith("auth:"):
            members = authorities.get(key[1][len("auth:"):], [])
            cat.relate(key, [("inv", d, *key[2:]) for d in members])
    for auth in authorities:   # authority rows of the area report, summed over authorities
        for key in list(cat.cells):
            if key[0] == "inv" and key[1] == "auth:" + auth:
                cat.relate(("inv", AREA, *key[2:]), [("inv", "auth:" + a, *key[2:]) for a in authorities])
