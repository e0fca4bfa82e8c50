"""An attacker against the published batch: everything the 14 public reports print, and nothing withheld
comes out narrower than 1..threshold.

The attacker is written from the outside, without snareport's disclosure code: it reads the public JSON
of every report (the published model: the PDF prints nothing that is not in it, checked below on PDF
text and structure-tree alt text), writes down the sums any reader knows (a table adds up to its total,
the districts add up to the whole area in every report, months and the weekday × hour grid add up to
their totals, shares times their totals are counts, the heat map's peak rule), and asks its own linear
program (SciPy) for the least and greatest value of every withheld figure. The truth (the partners'
unsuppressed build of the same data) is used only to judge: a withheld count from 1 to the threshold
must still be able to be 1 and the threshold; a larger withheld count must keep a range at least as wide.

Two batches: the sample data as it is, and a copy where one district is cut to a handful of offences.
"""
from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

import snareport
from snareport.build import build_reports

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
TINY_DISTRICT = "Sevenoaks"
KEEP_OFFENCES = 6          # per financial year kept for the tiny district
THRESHOLD, HES = 5, 7
EPS = 1e-6


# the batches ----------------------------------------------------------------------------------------
def _tiny_copy(target: Path) -> Path:
    shutil.copytree(SAMPLE, target)
    off = pd.read_parquet(target / "offences.parquet")
    year = off["occurred_at"].dt.year + (off["occurred_at"].dt.month >= 4) - 1
    mine = off["district"] == TINY_DISTRICT
    keep = ~mine | (off[mine].groupby(year[mine]).cumcount().reindex(off.index, fill_value=0) < KEEP_OFFENCES)
    off = off[keep]
    off.to_parquet(target / "offences.parquet", index=False)
    ppl = pd.read_parquet(target / "people.parquet")
    ppl[ppl["offence_id"].isin(off["offence_id"])].to_parquet(target / "people.parquet", index=False)
    return target


def _batch(folder: Path) -> tuple[dict, dict]:
    ds = snareport.load_dataset(folder)
    public = build_reports(ds)
    partners_ds = dataclasses.replace(ds, config=ds.config.model_copy(update={"audience": "partners"}))
    truth = build_reports(partners_ds)
    as_json = lambda reports: {k or "": json.loads(r.model_dump_json()) for k, r in reports.items()}  # noqa: E731
    return as_json(public), as_json(truth)


@pytest.fixture(scope="module")
def sample_batch():
    return _batch(SAMPLE)


@pytest.fixture(scope="module")
def tiny_batch(tmp_path_factory):
    return _batch(_tiny_copy(tmp_path_factory.mktemp("tiny") / "data"))


# what the attacker reads ---------------------------------------------------------------------------
class Knowledge:
    """Figures (known or unknown) and the equations between them, from the public JSON only."""

    def __init__(self):
        self.value: dict[tuple, float | None] = {}
        self.threshold: dict[tuple, int] = {}
        self.equations: list[tuple[dict[tuple, float], float]] = []   # Σ coef·x = rhs
        self.upper: list[tuple[tuple, float]] = []                      # x ≤ bound

    def see(self, key: tuple, value, threshold: int = THRESHOLD) -> tuple:
        if value is not None:
            self.value[key] = float(value)
        else:
            self.value.setdefault(key, None)
        self.threshold[key] = threshold
        return key

    def sum(self, total: tuple, parts: list[tuple]) -> None:
        coef = defaultdict(float)
        coef[total] += 1.0
        for p in parts:
            coef[p] -= 1.0
        self.equations.append((dict(coef), 0.0))

    def ratio(self, part: tuple, total: tuple, share: float | None) -> None:
        """part = share × total (a share printed to full precision in the JSON)."""
        if share is not None:
            self.equations.append(({part: 1.0, total: -float(share)}, 0.0))


def read(public: dict) -> Knowledge:
    k = Knowledge()
    districts = [n for n in public if n]
    authorities = defaultdict(list)
    for d in public[""]["population"]["districts"]:
        authorities[d["authority"]].append(d["district"])
    families = defaultdict(set)            # (family…) → scopes seen, for area = Σ districts

    def fam(key: tuple) -> tuple:
        families[(key[0], *key[2:])].add(key[1])
        return key

    for name, r in public.items():
        S = name or "area"
        o = r["recorded_offences"]
        for side, p in (("previous", "Y1"), ("current", "Y2")):
            if o.get("total"):
                k.see(fam(("ro", S, "all", p)), o["total"][side])
                k.sum(("ro", S, "all", p), [fam(k.see(("ro", S, g["group"], p), g["volume"][side])) for g in o["groups"]])
                for g in o["groups"]:
                    k.ratio(("ro", S, g["group"], p), ("ro", S, "all", p), g[f"{side}_share"])
                months = [m for m in o["months"] if m[f"{side}_month"]]
                if months:
                    k.sum(("ro", S, "all", p), [fam(k.see(("rom", S, m[f"{side}_month"]), m["volume"][side]))
                                                for m in months])
            if o.get("county_total"):
                k.see(("ro", "area", "all", p), o["county_total"][side])
            for d in o["districts"]:
                k.see(fam(("ro", d["district"], "all", p)), d["volume"][side])
                if side == "current":
                    k.ratio(("ro", d["district"], "all", p), ("ro", "area", "all", p), d["current_share"])
        v = r["sexual_violence"]
        for side, p in (("previous", "Y1"), ("current", "Y2")):
            cats = [fam(k.see(("sv", S, c["key"], p), c["change"][side])) for c in v["categories"]]
            for t in v["table"]:
                k.see(fam(("sv", S, t["key"], p)), t["change"][side])
            if v.get("total"):
                k.sum(fam(k.see(("sv", S, "all", p), v["total"][side])), cats)
            k.sum(("sv", S, "sexual_assault", p), [("sv", S, "contact", p), ("sv", S, "penetration", p)])
        if v.get("overall"):
            k.see(fam(("sv", S, "all", "Y0")), v["overall"]["previous"])
        if v.get("month_profile"):
            k.see(fam(("sv", S, "all", "3y")), v["three_year_total"])
            k.sum(("sv", S, "all", "3y"), [fam(k.see(("svm", S, m["month"]), m["count"])) for m in v["month_profile"]])
            k.sum(("sv", S, "all", "3y"), [("sv", S, "all", p) for p in ("Y0", "Y1", "Y2")])
        for group in v["highest_districts"]:
            for item in group["districts"]:
                k.see(fam(("sv", item["name"], group["category"], "Y2")), item["value"])
        kn = r["knives"]
        for item in kn["district_ranking"]:
            k.see(fam(("knife", item["name"], "Y2")), item["value"])
        if kn.get("knife_offences"):
            for side, p in (("previous", "Y1"), ("current", "Y2")):
                k.see(fam(("knife", S, p)), kn["knife_offences"][side])
                for f in ("under_25_injury", "under_25_non_injury"):
                    if kn.get(f):
                        k.see(fam(("ku25", S, f, p)), kn[f][side])
        for item in kn["age_distribution"]:
            k.see(fam(("kage", S, item["age"])), item["count"])
        for item in kn["suspect_sex"]:
            k.see(fam(("ksex", S, item["label"])), item["count"])
        a = r["achievements"]
        for item in a["knife_enabled"]:
            for side, p in (("previous", "Y1"), ("current", "Y2")):
                k.see(fam(("kc", S, item["key"], p)), item["change"][side])
        where = S if a.get("admissions_scope") == "district" else "area"
        for item in a["admissions"]:
            for side, p in (("previous", "W1"), ("current", "W2")):
                value = item["change"][side]
                k.see(fam(("adm", where, item["key"], p)), None if value is None else round(value * 12), HES)
        d = r["demographics"]
        for split in d["sex_split"]:
            for side, p in (("previous", "Y1"), ("current", "Y2")):
                total = fam(k.see(("sex", S, split["role"], "all", p), split["total"][side]))
                rows = []
                for row in split["rows"]:
                    rows.append(fam(k.see(("sex", S, split["role"], row["sex"], p), row["change"][side])))
                    k.ratio(rows[-1], total, row[f"{side}_share"])
                k.sum(total, rows)
        for prof in [*d["age_profiles"], *d["comparison_profiles"]]:
            A = S if prof["kind"] == "district" else "auth:" + prof["area"]
            total = k.see(("age", A, prof["role"], "all"), prof["total"])
            parts = []
            for band in [*prof["bands"], prof["unknown"]]:
                parts.append(k.see(("age", A, prof["role"], band["label"]), band["count"]))
                k.ratio(parts[-1], total, band["share"])
                if A == S:
                    fam(parts[-1])
            k.sum(total, parts)
        for cohort in r["temporal"]["cohorts"]:
            c, b = cohort["cohort"], cohort.get("band_hours", 1)
            hours = []
            for day, row in enumerate(cohort["counts"]):
                for col, n in enumerate(row):
                    if b == 1:
                        hours.append(fam(k.see(("heat", S, c, day, col), n)))
                        continue
                    # a band of b hours adds up its hours, which no report prints: every scope's hours
                    # still add up to the area's, whatever bands each scope prints
                    inside = [fam(k.see(("heat", S, c, day, h), None)) for h in range(col * b, (col + 1) * b)]
                    k.sum(k.see(("heatband", S, c, day, col * b, b), n), inside)
                    hours += inside
            k.sum(fam(k.see(("heat", S, c, "all"), cohort["total"])), hours)
    for family, scopes in families.items():
        if "area" in scopes:
            head, rest = family[0], family[1:]
            k.sum((head, "area", *rest), [(head, dd, *rest) for dd in districts])
    for auth, members in authorities.items():
        for key in [x for x in k.value if x[0] == "age" and x[1] == "auth:" + auth]:
            k.sum(key, [("age", m, *key[2:]) for m in members])
    return k


# the attacker's linear program ---------------------------------------------------------------------
def ranges(k: Knowledge, keys: list[tuple]) -> dict[tuple, tuple[float, float]]:
    """Least and greatest value of each key subject to everything published (every figure ≥ 0),
    each solved over the unknowns its equations connect it to."""
    unknown_of = []
    for coef, const in k.equations:
        terms = {x: c for x, c in coef.items() if k.value.get(x) is None and abs(c) > 0}
        b = const - sum(c * k.value[x] for x, c in coef.items() if k.value.get(x) is not None)
        if terms:
            unknown_of.append((terms, b))
    parent: dict[tuple, tuple] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for terms, _ in unknown_of:
        xs = list(terms)
        for x in xs:
            find(x)
        for u, w in zip(xs, xs[1:]):
            parent[find(u)] = find(w)
    groups: dict[tuple, list] = defaultdict(list)
    for terms, b in unknown_of:
        groups[find(next(iter(terms)))].append((terms, b))
    out = {}
    for key in keys:
        if key not in parent:
            out[key] = (0.0, np.inf)           # in no equation: anything from zero up
            continue
        eqs = groups[find(key)]
        unknown = sorted({x for terms, _ in eqs for x in terms}, key=repr)
        index = {x: i for i, x in enumerate(unknown)}
        rows, cols, vals = [], [], []
        for r, (terms, _) in enumerate(eqs):
            for x, c in terms.items():
                rows.append(r), cols.append(index[x]), vals.append(c)
        A = coo_matrix((vals, (rows, cols)), shape=(len(eqs), len(unknown))).tocsr()
        b = np.array([b for _, b in eqs])
        bounds = []
        for sense in (1.0, -1.0):
            c = np.zeros(len(unknown))
            c[index[key]] = sense
            res = linprog(c, A_eq=A, b_eq=b, bounds=[(0, None)] * len(unknown), method="highs")
            if res.status == 3:
                bounds.append(np.inf)
            else:
                assert res.status == 0, res.message
                bounds.append(res.x[index[key]])
        out[key] = (bounds[0], bounds[1])
    return out


def _true_values(truth: dict) -> Knowledge:
    return read(truth)


def _judge(public: dict, truth: dict, sample: int | None = None) -> list[str]:
    known, real = read(public), _true_values(truth)
    withheld = sorted((x for x, v in known.value.items() if v is None and real.value.get(x) is not None), key=repr)
    # the heat-map cells are many; every other withheld figure is attacked, and every heat-map cell
    # whose withheld neighbours in its own row of the area table are few
    if sample is not None:
        rng = np.random.default_rng(0)
        heat = [x for x in withheld if x[0] in ("heat", "heatband")]
        other = [x for x in withheld if x[0] not in ("heat", "heatband")]
        pick = rng.choice(len(heat), size=min(sample, len(heat)), replace=False) if heat else []
        withheld = other + [heat[i] for i in sorted(pick)]
    found = ranges(known, withheld)
    problems = []
    for x in withheld:
        lo, hi = found[x]
        v, t = real.value[x], known.threshold[x]
        if 1 <= v <= t:
            ok = lo <= 1 + EPS and hi >= t - EPS
        else:
            ok = hi - lo >= t - 1 - EPS
        if not ok:
            problems.append(f"{x}: true {v:g}, attacker's range {lo:g}..{hi:g}")
    return problems


# the tests -----------------------------------------------------------------------------------------
def test_the_tiny_district_really_is_tiny(tiny_batch):
    _, truth = tiny_batch
    total = truth[TINY_DISTRICT]["recorded_offences"]["total"]
    assert 1 <= total["current"] <= THRESHOLD + 1 and 1 <= total["previous"] <= THRESHOLD + 1


@pytest.mark.parametrize("which", ["sample_batch", "tiny_batch"])
def test_no_withheld_figure_is_narrowed(which, request):
    public, truth = request.getfixturevalue(which)
    problems = _judge(public, truth, sample=400)
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("which", ["sample_batch", "tiny_batch"])
def test_area_minus_other_districts_gives_nothing(which, request):
    """The direct attack of the issue: the area figure minus the other districts' published figures."""
    public, truth = request.getfixturevalue(which)
    k = read(public)
    leaks = []
    for x, v in k.value.items():
        if v is not None or x[1] == "area" or x[1].startswith("auth:"):
            continue
        area = k.value.get((x[0], "area", *x[2:]))
        others = [k.value.get((x[0], d, *x[2:])) for d in public if d and d != x[1]]
        if area is not None and all(o is not None for o in others):
            leaks.append(f"{x} = {area - sum(others):g}")
    assert not leaks, leaks[:10]


@pytest.mark.parametrize("which", ["sample_batch", "tiny_batch"])
def test_heat_map_peaks_give_no_withheld_cell_away(which, request):
    public, truth = request.getfixturevalue(which)
    for name, r in public.items():
        for cohort in r["temporal"]["cohorts"]:
            b = cohort.get("band_hours", 1)
            cells = [(d, h, n) for d, row in enumerate(cohort["counts"]) for h, n in enumerate(row)]
            withheld = {(d, hour) for d, h, n in cells if n is None for hour in range(h * b, (h + 1) * b)}
            shown = [n for _, _, n in cells if n is not None]
            if withheld and shown:
                assert cohort["max_count"] in (None, max(shown)), (name, cohort["cohort"])
            for p in cohort["peaks"]:
                for d in p["days"]:
                    for h in range(p["start_hour"], p["end_hour"]):
                        assert (d, h) not in withheld, f"{name or 'area'}: a withheld cell named as a peak"
            if cohort["peaks"] and withheld:
                # "not a peak" must say no more than "withheld": the peak line is above the threshold
                assert cohort["max_count"] * cohort["peak_threshold"] > THRESHOLD


@pytest.mark.parametrize("which", ["sample_batch", "tiny_batch"])
def test_public_json_carries_no_small_count(which, request):
    public, _ = request.getfixturevalue(which)
    small = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("total", "three_year_total", "distinct_suspects", "repeat_suspects", "people",
                           "top_people", "rows", "total_rows", "count", "value", "previous", "current",
                           "suspect_count", "age_unknown", "suspect_sex_unknown", "unweighted_offences",
                           "modal_suspect_age_count", "victim_female", "victim_known_sex", "max_count") \
                        and isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= THRESHOLD \
                        and "admissions" not in path and ".population." not in f"{path}." and "geography" not in path:
                    small.append(f"{path}.{key}={value}")
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    for name, r in public.items():
        walk(r, name or "area")
    assert not small, small[:10]


def test_no_exact_record_dates(sample_batch):
    public, _ = sample_batch
    for r in public.values():
        for field in ("first_offence", "last_offence"):
            assert r["data"][field] is None or r["data"][field].endswith("-01")


def test_partners_print_everything(sample_batch):
    _, truth = sample_batch
    for r in truth.values():
        assert r["disclosure"]["applied"] is False
        for cohort in r["temporal"]["cohorts"]:
            assert all(n is not None for row in cohort["counts"] for n in row)


# the PDF prints nothing the JSON withholds ----------------------------------------------------------
HEAT_KEY = re.compile(r"Offences per hour(?:\s*[\d,]+(?:\u2013[\d,]+)?)+")
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")


def _json_numbers(report: dict) -> set[str]:
    out: set[str] = set()

    def walk(node):
        if isinstance(node, bool) or node is None:
            return
        if isinstance(node, (int, float)):
            for v in (node, node * 100):            # a count, or a fraction printed as a percentage
                for dp in (0, 1, 2):                # printed half-up, as the report prints numbers
                    d = Decimal(repr(abs(float(v)))).quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP)
                    out.add(f"{d:,.{dp}f}")
                    out.add(f"{d:.{dp}f}")
        elif isinstance(node, str):
            out.update(NUMBER.findall(node))
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(report)
    return out


@pytest.mark.parametrize("name", [TINY_DISTRICT, ""])
def test_pdf_prints_only_published_numbers(name, tiny_batch, tmp_path):
    """Every number in the PDF text and alt text (the tiny district's report and the area's) is a
    published (JSON) figure, a page number, a date or a chart tick: nothing the JSON withholds is printed."""
    import pikepdf
    from pypdf import PdfReader

    public, truth = tiny_batch
    report = snareport.Report.model_validate(public[name])
    pdf = Path(snareport.render_pdf(report, tmp_path / "tiny.pdf"))
    text = " ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)
    alts = []
    with pikepdf.open(pdf) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/Alt" in obj:
                alts.append(str(obj["/Alt"]))
    assert alts, "the tagged PDF carries alt text"
    allowed = _json_numbers(public[name])
    text = HEAT_KEY.sub(" ", text)     # the heat map's colour key: bin ranges of the chart's scale
    strange = []
    for token in NUMBER.findall(text + " " + " ".join(alts)):
        value = float(token.replace(",", ""))
        if token in allowed or value <= 60 and value == int(value) and "." not in token:
            continue           # a published figure, or a page number / hour / age / day of a date
        if value == int(value) and (value % 5 == 0 or 1990 <= value <= 2100):
            continue           # a chart tick or a year
        strange.append(token)
    assert not strange, strange[:20]
    # and the tiny district's true small totals are not printed beside their labels
    total = truth[TINY_DISTRICT]["recorded_offences"]["total"]
    for n in (total["previous"], total["current"]):
        assert f"{n} recorded offences" not in text and f"{n} offences in {TINY_DISTRICT}" not in text
