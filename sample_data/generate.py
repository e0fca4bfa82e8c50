"""Seed → the synthetic Kent and Medway sample dataset (offences, people, admissions, population, costs, harm).

Usage: ``python sample_data/generate.py [--scale N] [--out DIR] [--seed S]``

The data are synthetic: no row describes a real offence or person. At ``--scale 1`` (the committed
data) the county report computed from them with the definitions in ``docs/methodology.md``
reproduces the figures published in the Kent and Medway 2025/26 SNA executive report wherever they
are arithmetically reachable (see ``sample_data/README.md``). Larger scales multiply the offence
volumes for benchmarks; the published figures only need to hold at scale 1.

How the targets are met: the time line is cut into seven half-year *blocks*, each lying in exactly
the report periods that matter (financial years and rolling Oct–Sep windows; ``BLOCKS``). Counts that
the report publishes are fixed exactly per block, district, offence type and *age class* (which of the
cohorts under 18 / 18–24 / aged 25 an offence involves); everything else is drawn from a seeded
random generator. People are then built to match each offence's age class, and their age bands are
filled to the published shares per authority and role.
"""
from __future__ import annotations

import argparse
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
DEFAULT_SEED = 20252026

# --------------------------------------------------------------------------------------------------
# Geography (order as in report.yaml)
# --------------------------------------------------------------------------------------------------
DISTRICTS = [
    "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone",
    "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells", "Medway",
]
D = {name: i for i, name in enumerate(DISTRICTS)}
MEDWAY = D["Medway"]
AUTHORITY = np.array([1 if d == "Medway" else 0 for d in DISTRICTS])  # 0 = Kent County Council, 1 = Medway

# Under-25 volume score per district in the previous window (Oct 2023 – Sep 2024); offences are
# spread over districts in these proportions, and the two other windows are set relative to it.
U25_PREVIOUS_WINDOW = {
    "Medway": 1450, "Thanet": 900, "Canterbury": 780, "Swale": 735, "Maidstone": 640, "Ashford": 520,
    "Dartford": 410, "Gravesham": 400, "Dover": 380, "Folkestone and Hythe": 330,
    "Tunbridge Wells": 275, "Tonbridge and Malling": 251, "Sevenoaks": 230,
}
# Current window volume relative to the previous one (Tonbridge and Malling: 251 → 278, +10.76 %).
U25_CURRENT_FACTOR = {
    "Medway": 0.92, "Thanet": 0.95, "Canterbury": 0.885, "Swale": 0.965, "Maidstone": 0.93,
    "Ashford": 0.90, "Dartford": 0.93, "Gravesham": 0.91, "Dover": 0.94, "Folkestone and Hythe": 0.96,
    "Tunbridge Wells": 0.92, "Tonbridge and Malling": 278 / 251, "Sevenoaks": 0.90,
}
# Earliest window relative to the previous one (> 1: the district has fallen over all three windows).
U25_EARLIEST_FACTOR = {
    "Medway": 1.06, "Thanet": 1.04, "Canterbury": 1.05, "Swale": 1.03, "Maidstone": 1.07,
    "Ashford": 1.05, "Dartford": 1.04, "Gravesham": 0.97, "Dover": 1.06, "Folkestone and Hythe": 1.02,
    "Tunbridge Wells": 0.98, "Tonbridge and Malling": 1.03, "Sevenoaks": 1.05,
}
# Current-window harm score relative to the previous window (only three districts rise).
U25_HARM_CHANGE = {
    "Thanet": 0.0462, "Folkestone and Hythe": 0.3867, "Tonbridge and Malling": 0.5084,
}
U25_HARM_FALL_EXTRA = 0.03  # other districts: harm falls a little more than volume

# Knife-enabled offences lean to the districts the report names as of most concern.
KNIFE_WEIGHTS = {
    "Medway": 20, "Thanet": 14, "Canterbury": 11.5, "Swale": 10, "Maidstone": 8.5, "Ashford": 6.5,
    "Dartford": 5.5, "Gravesham": 5.5, "Dover": 5, "Folkestone and Hythe": 4.5,
    "Tonbridge and Malling": 3, "Tunbridge Wells": 3, "Sevenoaks": 2.5,
}
# Rape and other sexual offences: Medway highest; Canterbury then Thanet next for rape.
RAPE_WEIGHTS = {**U25_PREVIOUS_WINDOW, "Canterbury": 1050, "Thanet": 930, "Swale": 700}
SEXUAL_WEIGHTS = {**U25_PREVIOUS_WINDOW, "Canterbury": 760, "Swale": 700}

# --------------------------------------------------------------------------------------------------
# Time: blocks of half a year; each lies wholly inside the report periods that use it.
#   block 1 Apr–Sep 2022: baseline year          block 2 Oct 2022–Mar 2023: baseline year + earliest window
#   block 3 Apr–Sep 2023: previous year + earliest window   block 4 Oct 2023–Mar 2024: previous year + previous window
#   block 5 Apr–Sep 2024: current year + previous window    block 6 Oct 2024–Mar 2025: current year + current window
#   block 7 Apr–Sep 2025: current window only
# --------------------------------------------------------------------------------------------------
FIRST_MONTH = pd.Period("2022-04", "M")
N_MONTHS = 42  # Apr 2022 … Sep 2025


def block_of_month(month_index: np.ndarray) -> np.ndarray:
    return month_index // 6 + 1


def fy_of_block(block: np.ndarray) -> np.ndarray:
    """0 baseline, 1 previous, 2 current financial year; 3 for block 7 (no financial year)."""
    return np.minimum((block - 1) // 2, 3)


# --------------------------------------------------------------------------------------------------
# Offence catalogue: Home Office style groups and types, counts per financial year (baseline,
# previous, current), harm weight (Cambridge Crime Harm Index days) and month-of-year profile.
# --------------------------------------------------------------------------------------------------
CCHI = "Cambridge Crime Harm Index, 2026 update: median days for the Home Office subgroup '{}'"


@dataclass(frozen=True)
class OffenceType:
    name: str
    group: str
    counts: tuple[int, int, int]
    harm: float
    harm_subgroup: str
    sexual_category: str | None = None
    season: str = "flat"


TYPES = [
    OffenceType("Assault with injury", "Violence with injury", (4600, 4560, 4400), 365, "Violence with injury"),
    OffenceType("Assault with intent to cause serious harm", "Violence with injury", (1250, 1240, 1210), 365,
                "Violence with injury"),
    OffenceType("Racially or religiously aggravated assault with injury", "Violence with injury",
                (150, 150, 160), 365, "Violence with injury"),
    OffenceType("Assault with injury on a constable", "Violence with injury", (200, 200, 213), 365,
                "Violence with injury"),
    OffenceType("Robbery of personal property", "Robbery of personal property", (1150, 1100, 1043), 365,
                "Robbery of personal property"),
    OffenceType("Murder", "Homicide", (11, 16, 13), 5475, "Homicide"),
    OffenceType("Manslaughter", "Homicide", (3, 3, 3), 5475, "Homicide"),
    OffenceType("Public fear, alarm or distress", "Public order offences", (1000, 1180, 1080), 7.5,
                "Public order offences"),
    OffenceType("Racially or religiously aggravated public fear, alarm or distress", "Public order offences",
                (150, 170, 170), 7.5, "Public order offences"),
    OffenceType("Violent disorder", "Public order offences", (50, 50, 50), 7.5, "Public order offences"),
    OffenceType("Aggravated burglary in a dwelling", "Aggravated burglary", (45, 58, 50), 273.5,
                "Residential burglary"),
    OffenceType("Aggravated burglary in a building other than a dwelling", "Aggravated burglary", (15, 17, 16),
                183.5, "Non-residential burglary"),
    OffenceType("Possession of article with blade or point", "Possession of weapons", (900, 960, 1050), 273.75,
                "Possession of weapons offences"),
    OffenceType("Possession of other weapons", "Possession of weapons", (450, 480, 510), 273.75,
                "Possession of weapons offences"),
    OffenceType("Possession of firearms offences", "Possession of weapons", (50, 60, 60), 273.75,
                "Possession of weapons offences"),
    OffenceType("Rape of a female aged 16+", "Rape", (505, 435, 423), 2555, "Rape offences", "rape", "sexual"),
    OffenceType("Rape of a female child under 16", "Rape", (170, 140, 135), 2555, "Rape offences", "rape", "sexual"),
    OffenceType("Rape of a male aged 16+", "Rape", (40, 37, 35), 2555, "Rape offences", "rape", "sexual"),
    OffenceType("Rape of a male child under 16", "Rape", (45, 40, 37), 2555, "Rape offences", "rape", "sexual"),
    OffenceType("Sexual assault on a female", "Other sexual offences", (1180, 1020, 1007), 182.25,
                "Other sexual offences", "contact", "sexual"),
    OffenceType("Sexual assault on a male", "Other sexual offences", (150, 140, 130), 182.25,
                "Other sexual offences", "contact", "sexual"),
    OffenceType("Sexual activity involving a child under 16", "Other sexual offences", (200, 170, 165), 182.25,
                "Other sexual offences", "contact", "sexual"),
    OffenceType("Assault by penetration", "Other sexual offences", (197, 188, 166), 182.25,
                "Other sexual offences", "penetration", "sexual"),
    OffenceType("Exposure", "Other sexual offences", (325, 280, 277), 182.25, "Other sexual offences",
                "non-contact", "summer"),
    OffenceType("Sexual communication with a child", "Other sexual offences", (90, 70, 68), 182.25,
                "Other sexual offences", "non-contact", "sexual"),
    OffenceType("Voyeurism", "Other sexual offences", (60, 47, 45), 182.25, "Other sexual offences",
                "non-contact", "sexual"),
]
T = {t.name: i for i, t in enumerate(TYPES)}
GROUPS = sorted({t.group for t in TYPES})
TYPE_GROUP = np.array([t.group for t in TYPES])
TYPE_HARM = np.array([t.harm for t in TYPES])
TYPE_SEXUAL = np.array([t.sexual_category or "" for t in TYPES])
INJURY_GROUPS = ("Violence with injury", "Homicide")

# Month-of-year weights, April first (financial-year order).
SEASONS = {
    #          Apr   May   Jun   Jul   Aug   Sep   Oct   Nov   Dec   Jan   Feb   Mar
    "flat":   [1.00, 1.05, 1.06, 1.08, 1.06, 1.00, 0.98, 0.94, 1.00, 0.94, 0.90, 0.97],
    "sexual": [0.92, 1.27, 1.26, 0.95, 0.93, 0.90, 0.92, 0.88, 1.00, 1.33, 0.88, 0.92],
    "summer": [0.80, 1.40, 1.45, 1.50, 1.45, 1.30, 0.75, 0.60, 0.55, 0.62, 0.55, 0.65],
}

# Knife-enabled offences per financial year: (injury?, age class) → count. Age classes:
#   A = involves under 18s but nobody 18–25; B = involves 18–24 but no under 18s; AB = both;
#   Y25 = involves someone aged 25 but nobody under 25; Y0 = nobody aged 25 or under.
# Under 18s = A + AB (previous 384, current 296); ages 18–25 = B + AB + Y25 (420, 401);
# under-25 injury = A + B + AB of injury offences (400 → 359: a fall of 41).
Y0, A, B, AB, Y25 = 0, 1, 2, 3, 4
KNIFE_PLAN = {
    0: {(True, A): 190, (True, AB): 25, (True, B): 200, (True, Y25): 10, (True, Y0): 580,
        (False, A): 170, (False, AB): 15, (False, B): 170, (False, Y25): 10, (False, Y0): 350},
    1: {(True, A): 180, (True, AB): 25, (True, B): 195, (True, Y25): 10, (True, Y0): 560,
        (False, A): 164, (False, AB): 15, (False, B): 165, (False, Y25): 10, (False, Y0): 340},
    2: {(True, A): 135, (True, AB): 20, (True, B): 204, (True, Y25): 10, (True, Y0): 530,
        (False, A): 131, (False, AB): 10, (False, B): 147, (False, Y25): 10, (False, Y0): 320},
}
KNIFE_HOMICIDES = (8, 10, 9)          # knife-enabled murders per year, part of the injury offences
KNIFE_AGG_BURGLARIES = (12, 15, 13)   # knife-enabled aggravated burglaries in a dwelling (non-injury)

# Age class probabilities of the other offences, by group: (Y0, A, B, AB, Y25).
CLASS_PROBS = {
    "Violence with injury": (0.46, 0.30, 0.17, 0.05, 0.02),
    "Robbery of personal property": (0.32, 0.40, 0.19, 0.08, 0.01),
    "Rape": (0.46, 0.32, 0.15, 0.05, 0.02),
    "Other sexual offences": (0.44, 0.40, 0.11, 0.04, 0.01),
    "Homicide": (0.59, 0.15, 0.21, 0.05, 0.00),
    "Public order offences": (0.47, 0.30, 0.17, 0.04, 0.02),
    "Aggravated burglary": (0.63, 0.15, 0.17, 0.03, 0.02),
    "Possession of weapons": (0.49, 0.27, 0.21, 0.00, 0.03),
}
FLIPPABLE_GROUPS = ("Violence with injury", "Public order offences", "Robbery of personal property")

# Demographic targets, share of involvements by band (under 10, 10–17, 18–24, 25+); the rest is
# unknown age. Index: [financial year 0..2, or 3 for Apr–Sep 2025][authority][role (0 victim, 1 suspect)].
CURRENT_SHARES = {
    (0, 0): (0.060, 0.211, 0.130, 0.595), (1, 0): (0.045, 0.221, 0.125, 0.607),
    (0, 1): (0.005, 0.197, 0.151, 0.640), (1, 1): (0.005, 0.231, 0.149, 0.602),
}
SHARE_SHIFT = {0: (0.002, 0.008, 0.004, -0.016), 1: (0.001, 0.004, 0.002, -0.008), 2: (0, 0, 0, 0),
               3: (-0.001, -0.003, 0.0, 0.003)}

# Female share of victims (non-sexual offences) by period: rises into the current year.
FEMALE_VICTIM_SHARE = (0.33, 0.335, 0.385, 0.385)

WEEKDAY_HOURS = [15, 16]                                  # weekday afternoon peak (both cohorts)
U25_EXTRA_PEAKS = [(4, 17), (4, 23), (5, 0), (6, 0)]      # Fri 5pm, Fri 11pm, Sat & Sun midnight

HIGH_HARM_TARGET = 0.204
REPEAT_SEXUAL_SUSPECTS = 0.15


# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------
def apportion(total: int, weights) -> np.ndarray:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder, ties by order)."""
    w = np.asarray(weights, dtype=float)
    if total <= 0 or w.sum() <= 0:
        return np.zeros(len(w), dtype=np.int64)
    exact = w / w.sum() * total
    base = np.floor(exact).astype(np.int64)
    short = int(total - base.sum())
    order = np.lexsort((np.arange(len(w)), -(exact - base)))
    base[order[:short]] += 1
    return base


def weights_of(mapping: dict[str, float]) -> np.ndarray:
    return np.array([mapping[d] for d in DISTRICTS], dtype=float)


def spread(rng: np.random.Generator, total: int, weights) -> np.ndarray:
    """``total`` labels 0..len(weights)-1 in exact proportions, in random order."""
    return rng.permutation(np.repeat(np.arange(len(weights)), apportion(total, weights)))


def scaled(value: float, scale: int) -> int:
    return int(round(value * scale))


# --------------------------------------------------------------------------------------------------
# Offences
# --------------------------------------------------------------------------------------------------
def knife_offences(rng: np.random.Generator, fy: int, scale: int) -> pd.DataFrame:
    """Knife-enabled offences of one financial year with exact age-class counts."""
    rows = []
    for (injury, cls), n in KNIFE_PLAN[fy].items():
        rows.append(np.full(scaled(n, scale), cls * 2 + int(injury)))
    codes = rng.permutation(np.concatenate(rows))
    cls = codes // 2
    injury = (codes % 2).astype(bool)
    types = np.empty(len(codes), dtype=np.int64)
    inj_idx = np.flatnonzero(injury)
    n_hom = scaled(KNIFE_HOMICIDES[fy], scale)
    types[inj_idx[:n_hom]] = T["Murder"]
    rest = inj_idx[n_hom:]
    types[rest] = np.where(spread(rng, len(rest), [0.45, 0.55]) == 0, T["Assault with injury"],
                           T["Assault with intent to cause serious harm"])
    non = np.flatnonzero(~injury)
    n_agg = scaled(KNIFE_AGG_BURGLARIES[fy], scale)
    types[non[:n_agg]] = T["Aggravated burglary in a dwelling"]
    types[non[n_agg:]] = T["Robbery of personal property"]
    month = fy * 12 + spread(rng, len(codes), SEASONS["flat"])
    district = spread(rng, len(codes), weights_of(KNIFE_WEIGHTS))
    return pd.DataFrame({"type": types, "district": district, "month": month, "knife": True, "cls": cls})


def other_offences(rng: np.random.Generator, fy: int, knife: pd.DataFrame, scale: int) -> pd.DataFrame:
    """The rest of one financial year's offences: type totals exact, districts and months apportioned."""
    used = knife["type"].value_counts()
    frames = []
    for i, t in enumerate(TYPES):
        n = scaled(t.counts[fy], scale) - int(used.get(i, 0))
        if t.group == "Rape":
            weights = weights_of(RAPE_WEIGHTS)
        elif t.sexual_category:
            weights = weights_of(SEXUAL_WEIGHTS)
        else:
            weights = weights_of(U25_PREVIOUS_WINDOW)
        probs = CLASS_PROBS[t.group]
        frames.append(pd.DataFrame({
            "type": i,
            "district": spread(rng, n, weights),
            "month": fy * 12 + spread(rng, n, SEASONS[t.season]),
            "knife": False,
            "cls": rng.choice(5, size=n, p=np.array(probs) / sum(probs)),
        }))
    return pd.concat(frames, ignore_index=True)


def is_u25(cls: np.ndarray) -> np.ndarray:
    return (cls == A) | (cls == B) | (cls == AB)


def set_u25_volume(rng: np.random.Generator, cls: np.ndarray, in_scope: np.ndarray, flippable: np.ndarray,
                   target: int) -> None:
    """Re-class ordinary (non-knife, non-sexual) offences in scope so their under-25 count is ``target``."""
    have = int(is_u25(cls[in_scope]).sum())
    if have > target:
        pool = np.flatnonzero(in_scope & flippable & ((cls == A) | (cls == B)))
        cls[rng.choice(pool, size=have - target, replace=False)] = Y0
    elif have < target:
        pool = np.flatnonzero(in_scope & flippable & (cls == Y0))
        pick = rng.choice(pool, size=target - have, replace=False)
        cls[pick] = np.where(rng.random(len(pick)) < 0.6, A, B)


def harm_mix(count: int, harm: float) -> dict[int, int] | None:
    """Offence types (as counts) for ``count`` under-25 offences whose harm weights sum to ``harm``.

    All start as assault with injury (365 days); rapes/murders raise the sum, and weapons possession
    (273.75), aggravated burglary in a dwelling (273.5), sexual assault (182.25) and public order
    (7.5) lower it, so any multiple of 0.25 in range can be hit exactly.
    """
    if abs(harm * 4 - round(harm * 4)) > 1e-6 or count <= 0:
        return None
    for murders in range(0, 4):
        surplus = harm - 365 * count - 5110 * murders
        first_rapes = max(0, math.ceil(surplus / 2190))
        for rapes in range(first_rapes, first_rapes + 3):
            up = murders + rapes
            over = 365 * count + 5110 * murders + 2190 * rapes - harm  # to remove with cheaper types
            if up > count or over < 0:
                continue
            first_public = max(0, int((over - 4000) // 357.5))
            for public in range(first_public, first_public + 14):
                for sexual in range(0, 3):
                    rest = over - 357.5 * public - 182.75 * sexual
                    if rest < -1e-9:
                        break
                    k = round(rest * 4)  # rest = 91.25*t + 0.25*z with y + z = t (y weapons, z burglaries)
                    for t in range(k // 366, k // 365 + 2):
                        z = k - 365 * t
                        if 0 <= z <= t and up + public + sexual + t <= count:
                            mix = {T["Murder"]: murders, T["Rape of a female aged 16+"]: rapes,
                                   T["Public fear, alarm or distress"]: public,
                                   T["Sexual assault on a female"]: sexual,
                                   T["Possession of article with blade or point"]: t - z,
                                   T["Aggravated burglary in a dwelling"]: z}
                            mix[T["Assault with injury"]] = count - up - public - sexual - t
                            return {k_: v for k_, v in mix.items() if v}
    return None


def current_window_offences(rng: np.random.Generator, off: pd.DataFrame, scale: int) -> pd.DataFrame:
    """Apr–Sep 2025 (block 7): under-25 volume and harm per district set to the current-window targets."""
    blk = off["block"].to_numpy()
    u25 = is_u25(off["cls"].to_numpy())
    harm = TYPE_HARM[off["type"].to_numpy()]
    dist = off["district"].to_numpy()
    frames = []
    for name, d in D.items():
        prev = (dist == d) & u25 & np.isin(blk, (4, 5))
        v_prev, h_prev = int(prev.sum()), float(harm[prev].sum())
        b6 = (dist == d) & (blk == 6)
        v_target = round(v_prev * U25_CURRENT_FACTOR[name])
        change = U25_HARM_CHANGE.get(name, U25_CURRENT_FACTOR[name] - 1 - U25_HARM_FALL_EXTRA)
        h_target = round(h_prev * (1 + change) * 4) / 4
        n_u25 = v_target - int((b6 & u25).sum())
        natural_pool = off["type"].to_numpy()[b6 & u25]
        n_tuned = min(n_u25, max(40 * scale, n_u25 // 3))
        while True:
            natural = rng.choice(natural_pool, size=n_u25 - n_tuned, replace=True)
            need = h_target - float(harm[b6 & u25].sum()) - float(TYPE_HARM[natural].sum())
            mix = harm_mix(n_tuned, need) if need > 0 else None
            if mix is not None or n_tuned >= n_u25:
                break
            n_tuned = min(n_u25, n_tuned * 2)
        if mix is None:
            raise RuntimeError(f"cannot reach the harm score for {name} in the current window")
        tuned = np.repeat(np.array(list(mix), dtype=np.int64), list(mix.values()))
        types = rng.permutation(np.concatenate([natural, tuned]))
        cls_u25 = rng.choice([A, B, AB], size=len(types), p=[0.50, 0.42, 0.08])
        others_pool = off["type"].to_numpy()[b6 & ~u25]
        n_other = int(round(len(others_pool) * rng.uniform(0.95, 1.02)))
        others = rng.choice(others_pool, size=n_other, replace=True)
        cls_other = np.where(rng.random(n_other) < 0.05, Y25, Y0)
        all_types = np.concatenate([types, others])
        frames.append(pd.DataFrame({
            "type": all_types, "district": d,
            "month": 36 + rng.choice(6, size=len(all_types), p=np.array(SEASONS["flat"][:6]) / sum(SEASONS["flat"][:6])),
            "knife": rng.random(len(all_types)) < np.select(
                [TYPE_GROUP[all_types] == "Robbery of personal property", np.isin(TYPE_GROUP[all_types], INJURY_GROUPS)],
                [0.5, 0.15], 0.0),
            "cls": np.concatenate([cls_u25, cls_other]), "block": 7,
        }))
    return pd.concat(frames, ignore_index=True)


def offence_skeleton(rng: np.random.Generator, scale: int) -> pd.DataFrame:
    """Every offence as (type, district, month, knife, age class, block), before times and people."""
    parts = []
    for fy in range(3):
        knife = knife_offences(rng, fy, scale)
        parts += [knife, other_offences(rng, fy, knife, scale)]
    off = pd.concat(parts, ignore_index=True)
    off["block"] = block_of_month(off["month"].to_numpy())
    cls = off["cls"].to_numpy().copy()
    block, district = off["block"].to_numpy(), off["district"].to_numpy()
    flippable = ~off["knife"].to_numpy() & np.isin(TYPE_GROUP[off["type"].to_numpy()], FLIPPABLE_GROUPS)
    for name, d in D.items():
        previous = scaled(U25_PREVIOUS_WINDOW[name], scale)
        here = district == d
        set_u25_volume(rng, cls, here & np.isin(block, (4, 5)), flippable, previous)
        set_u25_volume(rng, cls, here & np.isin(block, (2, 3)), flippable,
                       round(previous * U25_EARLIEST_FACTOR[name]))
    off["cls"] = cls
    return pd.concat([off, current_window_offences(rng, off, scale)], ignore_index=True)


# --------------------------------------------------------------------------------------------------
# When offences happened
# --------------------------------------------------------------------------------------------------
HOUR_SHAPE = np.array([0.50, 0.36, 0.26, 0.18, 0.12, 0.10, 0.12, 0.20, 0.32, 0.42, 0.48, 0.52,
                       0.56, 0.58, 0.60, 0.66, 0.68, 0.68, 0.66, 0.64, 0.62, 0.60, 0.58, 0.54])


def background_grid() -> np.ndarray:
    """Relative frequency of offences by weekday × hour (busier evenings, weekend early hours)."""
    grid = np.tile(HOUR_SHAPE, (7, 1))
    grid[4, 18:] *= 1.15   # Friday evening
    grid[5, :3] *= 1.4     # Saturday early hours
    grid[6, :3] *= 1.4     # Sunday early hours
    grid[5:, 10:] *= 1.05
    return grid / grid.max()


def cohort_cells(n_u18: int, n_b: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact weekday × hour counts (flattened 7×24) for the current year's under-18 and 18–24-only offences.

    Under 18s: the ten weekday 3pm–5pm cells are the only cells at or above 75 % of the largest.
    Under 25s (both together): those ten plus Friday 5pm and 11pm and Saturday/Sunday midnight.
    """
    base = background_grid()
    w18 = base * 0.5
    w18[:5, WEEKDAY_HOURS] = 1.0
    c18 = apportion(n_u18, w18.ravel())
    w25 = base * 0.55
    w25[:5, WEEKDAY_HOURS] = 1.0
    for day, hour in U25_EXTRA_PEAKS:
        w25[day, hour] = 1.0
    c25 = apportion(n_u18 + n_b, w25.ravel())
    cb = c25 - c18
    if (cb < 0).any():
        raise RuntimeError("under-25 cell plan below under-18 plan")
    return c18, cb


def assign_times(rng: np.random.Generator, off: pd.DataFrame) -> pd.Series:
    """``occurred_at`` for every offence: its month, a weekday × hour cell, a day with that weekday."""
    n = len(off)
    cls = off["cls"].to_numpy()
    cell = rng.choice(168, size=n, p=(background_grid().ravel() / background_grid().sum()))
    current = np.isin(off["block"].to_numpy(), (5, 6))
    u18 = current & ((cls == A) | (cls == AB))
    bonly = current & (cls == B)
    c18, cb = cohort_cells(int(u18.sum()), int(bonly.sum()))
    cell[np.flatnonzero(u18)] = rng.permutation(np.repeat(np.arange(168), c18))
    cell[np.flatnonzero(bonly)] = rng.permutation(np.repeat(np.arange(168), cb))
    weekday, hour = cell // 24, cell % 24
    months = pd.PeriodIndex([FIRST_MONTH + int(m) for m in range(N_MONTHS)])
    starts = months.to_timestamp()
    first_weekday = starts.day_of_week.to_numpy()[off["month"].to_numpy()]
    days_in = months.days_in_month.to_numpy()[off["month"].to_numpy()]
    offset = (weekday - first_weekday) % 7
    occurrences = (days_in - 1 - offset) // 7 + 1
    day = offset + 7 * (rng.random(n) * occurrences).astype(np.int64)
    minute = rng.integers(0, 60, size=n)
    stamp = (starts.to_numpy()[off["month"].to_numpy()] + day.astype("timedelta64[D]")
             + hour.astype("timedelta64[h]") + minute.astype("timedelta64[m]"))
    return pd.Series(stamp.astype("datetime64[s]"), index=off.index)


# --------------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------------
VICTIM, SUSPECT = 0, 1
NOT_SEXUAL, NON_CONTACT, OTHER_SEXUAL = 0, 1, 2
MALE, FEMALE, UNKNOWN_SEX = 0, 1, 2
SEX_NAMES = np.array(["male", "female", "unknown"], dtype=object)
U10, TEEN, YOUNG, AGE25, OLDER, UNKNOWN = 0, 1, 2, 3, 4, 5
NEED_U18, NEED_YOUNG, NEED_25 = 1, 2, 3

# Single-year age weights inside a band, by context.
TEEN_AGES = {"knife": [0.1, 0.2, 0.4, 0.8, 1.3, 2.0, 3.0, 4.8],
             "sexual": [0.05, 0.1, 0.3, 1.0, 1.2, 1.3, 1.3, 1.2],
             "default": [0.4, 0.5, 0.7, 0.9, 1.1, 1.3, 1.4, 1.4]}
YOUNG_AGES = {"knife": [4.8, 2.6, 1.9, 1.5, 1.3, 1.1, 1.0],
              "sexual": [1.3, 1.3, 1.2, 1.1, 1.0, 1.0, 0.95],
              "default": [1.3, 1.3, 1.2, 1.1, 1.0, 1.0, 0.95]}
OLDER_AGES = np.arange(26, 86)
OLDER_WEIGHTS = {"knife": np.exp(-(OLDER_AGES - 26) / 16.0) * np.minimum(1.0, (OLDER_AGES - 24) / 6.0),
                 "sexual": np.select([OLDER_AGES <= 29, OLDER_AGES <= 40], [3.0, 0.8], 0.35 * np.exp(-(OLDER_AGES - 41) / 40.0)),
                 "noncontact": np.where((OLDER_AGES >= 30) & (OLDER_AGES <= 40), 2.2, np.exp(-(OLDER_AGES - 26) / 12.0)),
                 "default": np.exp(-(OLDER_AGES - 26) / 16.0) * np.minimum(1.0, (OLDER_AGES - 23) / 7.0)}


def within_band(rng: np.random.Generator, n: int, ages: np.ndarray, weights) -> np.ndarray:
    """``n`` single-year ages drawn from ``ages`` with ``weights``."""
    w = np.asarray(weights, dtype=float)
    return rng.choice(ages, size=n, p=w / w.sum())


def people_skeleton(rng: np.random.Generator, off: pd.DataFrame) -> pd.DataFrame:
    """One row per involvement, with the person who carries each offence's age class marked."""
    n = len(off)
    cls = off["cls"].to_numpy()
    group = TYPE_GROUP[off["type"].to_numpy()]
    sexual = TYPE_SEXUAL[off["type"].to_numpy()]
    knife = off["knife"].to_numpy()
    weapons = group == "Possession of weapons"
    nv = 1 + (rng.random(n) < 0.10).astype(np.int64) + (rng.random(n) < 0.02)
    nv[weapons] = 0
    p_suspect = np.where(AUTHORITY[off["district"].to_numpy()] == 1, 0.60, 0.72)
    has_suspect = (rng.random(n) < p_suspect) | weapons | (group == "Homicide")
    ns = has_suspect * (1 + (rng.random(n) < 0.15).astype(np.int64) + (rng.random(n) < 0.04))
    ns[weapons] = 1
    ns[(cls == AB) & (nv + ns < 2)] += 1

    # Which role carries the class: suspects more often for knife crime; victims for non-contact offences.
    p18 = np.select([knife, sexual == "non-contact", sexual != ""], [0.65, 0.0, 0.5], 0.45)
    p24 = np.select([knife, sexual == "non-contact", sexual != ""], [0.7, 0.1, 0.5], 0.6)

    def pick_role(p: np.ndarray) -> np.ndarray:
        return np.where((ns > 0) & ((nv == 0) | (rng.random(n) < p)), SUSPECT, VICTIM)

    role18, role24 = pick_role(p18), pick_role(p24)
    rank24 = np.zeros(n, dtype=np.int64)
    both = cls == AB
    other = 1 - role18
    other_has = np.where(other == SUSPECT, ns, nv) > 0
    role24 = np.where(both, np.where(other_has, other, role18), role24)
    rank24 = np.where(both & ~other_has, 1, rank24)

    v_start = np.cumsum(nv) - nv
    s_start = nv.sum() + np.cumsum(ns) - ns
    total = int(nv.sum() + ns.sum())
    need = np.zeros(total, dtype=np.int64)

    def mark(mask: np.ndarray, role: np.ndarray, rank: np.ndarray, value: int) -> None:
        idx = np.where(role == SUSPECT, s_start, v_start) + rank
        need[idx[mask]] = value

    mark((cls == A) | both, role18, np.zeros(n, dtype=np.int64), NEED_U18)
    mark((cls == B) | both, role24, rank24, NEED_YOUNG)
    mark(cls == Y25, role24, np.zeros(n, dtype=np.int64), NEED_25)

    offence = np.concatenate([np.repeat(np.arange(n), nv), np.repeat(np.arange(n), ns)])
    role = np.concatenate([np.zeros(nv.sum(), dtype=np.int64), np.ones(ns.sum(), dtype=np.int64)])
    people = pd.DataFrame({"offence": offence, "role": role, "need": need})
    people["cls"] = cls[offence]
    people["knife"] = knife[offence]
    people["sexual"] = np.select([sexual == "", sexual == "non-contact"], [NOT_SEXUAL, NON_CONTACT], OTHER_SEXUAL)[offence]
    people["period"] = fy_of_block(off["block"].to_numpy())[offence]
    people["authority"] = AUTHORITY[off["district"].to_numpy()][offence]
    return people


def context_of(people: pd.DataFrame) -> np.ndarray:
    """Which age profile a person follows: knife suspect, sexual-offence suspect, non-contact suspect or default."""
    suspect = people["role"].to_numpy() == SUSPECT
    sexual = people["sexual"].to_numpy()
    return np.select([suspect & people["knife"].to_numpy(), suspect & (sexual == NON_CONTACT),
                      suspect & (sexual != NOT_SEXUAL)], ["knife", "noncontact", "sexual"], "default")


def fill_bands(rng: np.random.Generator, people: pd.DataFrame) -> np.ndarray:
    """Age band per involvement: each authority × role × period hits its band shares exactly."""
    ctx = context_of(people)
    affinity = rng.random(len(people)) + np.select(
        [ctx == "knife", ctx == "sexual", ctx == "noncontact"], [0.6, 0.8, -2.0], 0.0)
    band = np.full(len(people), -1, dtype=np.int64)
    need = people["need"].to_numpy()
    cls = people["cls"].to_numpy()
    keys = people[["period", "authority", "role"]].to_numpy()
    for period in range(4):
        for authority in (0, 1):
            for role in (VICTIM, SUSPECT):
                idx = np.flatnonzero((keys[:, 0] == period) & (keys[:, 1] == authority) & (keys[:, 2] == role))
                if not len(idx):
                    continue
                shares = np.array(CURRENT_SHARES[(authority, role)]) + np.array(SHARE_SHIFT[period])
                targets = np.round(shares * len(idx)).astype(np.int64)
                # make room for the people an offence class needs in a band, taken from 25+. At scale 1 the
                # current year's published shares already have room (nothing moves); other years and larger
                # scales (whose rounding differs) may need a few.
                for band_, required in ((YOUNG, (need[idx] == NEED_YOUNG).sum()),
                                        (TEEN, (need[idx] == NEED_U18).sum() - targets[U10])):
                    extra = max(0, int(required) - int(targets[band_]))
                    targets[band_] += extra
                    targets[-1] -= extra
                n_unknown = len(idx) - targets.sum()
                free = idx[need[idx] == 0]
                band[idx[need[idx] == NEED_YOUNG]] = YOUNG
                band[idx[need[idx] == NEED_25]] = AGE25
                u18 = list(idx[need[idx] == NEED_U18])

                def take(pool: np.ndarray, k: int, order_key: np.ndarray, what: str) -> np.ndarray:
                    if k < 0 or k > len(pool):
                        raise RuntimeError(f"period {period} authority {authority} role {role}: "
                                           f"cannot place {k} people in {what} from {len(pool)}")
                    return pool[np.argsort(order_key, kind="stable")[:k]]

                young_pool = free[np.isin(cls[free], (B, AB))]
                chosen = take(young_pool, targets[YOUNG] - (need[idx] == NEED_YOUNG).sum(),
                              (cls[young_pool] == AB) * 10 - affinity[young_pool], "18-24")
                band[chosen] = YOUNG
                free = free[band[free] < 0]
                teen_pool = free[np.isin(cls[free], (A, AB))]
                chosen = take(teen_pool, targets[U10] + targets[TEEN] - len(u18), -affinity[teen_pool], "under 18")
                u18 = np.concatenate([np.array(u18, dtype=np.int64), chosen])
                free = free[~np.isin(free, chosen)]
                chosen = take(free, n_unknown, (cls[free] != Y0) * 10 + rng.random(len(free)), "unknown")
                band[chosen] = UNKNOWN
                free = free[band[free] < 0]
                band[free] = np.where(np.isin(cls[free], (B, AB, Y25)) & (rng.random(len(free)) < 0.12), AGE25, OLDER)
                children = take(u18, targets[U10], affinity[u18], "under 10")
                band[u18] = TEEN
                band[children] = U10
    return band


def ages_in_bands(rng: np.random.Generator, people: pd.DataFrame, band: np.ndarray) -> np.ndarray:
    """A single-year age inside each person's band, shaped by their context (NaN where unknown)."""
    ctx = context_of(people)
    age = np.full(len(people), np.nan)
    suspect = people["role"].to_numpy() == SUSPECT
    for c in ("knife", "sexual", "noncontact", "default"):
        here = ctx == c
        teen_key = "default" if c == "noncontact" else c
        m = here & (band == U10)
        age[m] = np.where(suspect[m], within_band(rng, m.sum(), np.array([8, 9]), [1, 2]),
                          within_band(rng, m.sum(), np.arange(10), np.ones(10)))
        m = here & (band == TEEN)
        age[m] = within_band(rng, m.sum(), np.arange(10, 18), TEEN_AGES[teen_key])
        m = here & (band == YOUNG)
        age[m] = within_band(rng, m.sum(), np.arange(18, 25), YOUNG_AGES[teen_key])
        m = here & (band == OLDER)
        age[m] = within_band(rng, m.sum(), OLDER_AGES, OLDER_WEIGHTS[c])
    age[band == AGE25] = 25
    return age


def quota(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    """``n`` booleans with exactly round(share × n) true, in random order."""
    flags = np.zeros(n, dtype=bool)
    flags[: int(round(share * n))] = True
    return rng.permutation(flags)


def assign_sex(rng: np.random.Generator, people: pd.DataFrame) -> np.ndarray:
    """Sex codes; current-year knife suspects are exactly 82 % male and victims 31 % female (of known sex)."""
    n = len(people)
    role = people["role"].to_numpy()
    sexual = people["sexual"].to_numpy() != NOT_SEXUAL
    period = people["period"].to_numpy()
    u = rng.random(n)
    female_victim = np.where(sexual, 0.88, np.array(FEMALE_VICTIM_SHARE)[period])
    female_suspect = np.where(sexual, 0.04, 0.14)
    p_female = np.where(role == VICTIM, female_victim, female_suspect)
    p_unknown = np.where(role == VICTIM, 0.01, 0.02)
    sex = np.where(u < p_unknown, UNKNOWN_SEX, np.where(u < p_unknown + p_female, FEMALE, MALE))
    knife_now = people["knife"].to_numpy() & (period == 2)
    for role_, share_female in ((SUSPECT, 0.18), (VICTIM, 0.31)):
        idx = np.flatnonzero(knife_now & (role == role_) & (sex != UNKNOWN_SEX))
        sex[idx] = np.where(quota(rng, len(idx), share_female), FEMALE, MALE)
    return sex


# --------------------------------------------------------------------------------------------------
# Repeat people (stable person ids)
# --------------------------------------------------------------------------------------------------
def pair_repeat_sexual_suspects(rng: np.random.Generator, people: pd.DataFrame, pid: np.ndarray) -> None:
    """Join current-year sexual-offence suspects in pairs so 15 % of distinct suspects are repeats."""
    mask = (people["period"].to_numpy() == 2) & (people["role"].to_numpy() == SUSPECT) & (people["sexual"].to_numpy() != NOT_SEXUAL)
    total = int(mask.sum())
    pairs_needed = int(round(REPEAT_SEXUAL_SUSPECTS * total / (1 + REPEAT_SEXUAL_SUSPECTS)))
    cand = people[mask & people["age"].notna().to_numpy() & (people["sex"].to_numpy() != UNKNOWN_SEX)]
    cand = cand.iloc[rng.permutation(len(cand))]
    made = 0
    for _, group in cand.groupby(["sex", "age"], sort=True):
        rows = list(zip(group.index.to_numpy(), group["offence"].to_numpy()))
        while len(rows) >= 2 and made < pairs_needed:
            (i, oi), (j, oj) = rows.pop(), rows.pop()
            if oi == oj:
                continue
            pid[j] = pid[i]
            made += 1
    if made < pairs_needed:
        raise RuntimeError("not enough suspects to pair as repeat suspects")


def high_harm_share(person: np.ndarray, harm: np.ndarray, top_share: float) -> float:
    """Share of harm carried by the top ``top_share`` of people (``person``/``harm``: one entry per involvement).

    Assumes nobody is linked twice to one offence (the merges below never do that).
    """
    per_person = np.bincount(person, weights=harm)
    involved = np.bincount(person) > 0
    values = per_person[involved]
    top = math.ceil(top_share * len(values))
    return float(np.partition(values, len(values) - top)[len(values) - top:].sum() / values.sum())


def concentrate_harm(rng: np.random.Generator, people: pd.DataFrame, pid: np.ndarray, harm: np.ndarray,
                     scale: int) -> None:
    """Make some people repeat victims/suspects so the top 1.6 % carry 20.4 % of the harm.

    Seeds (current-year suspects of injury or robbery offences) absorb, round by round, other
    current-year involvements of people with their sex and age; the number of merges is bisected.
    """
    period = people["period"].to_numpy()
    group = TYPE_GROUP[people["type"].to_numpy()]
    sex, age = people["sex"].to_numpy(), people["age"].to_numpy()
    offence = people["offence"].to_numpy()
    known = ~np.isnan(age) & (sex != UNKNOWN_SEX)
    free = (period == 2) & (people["sexual"].to_numpy() == NOT_SEXUAL) & known & (pid == np.arange(len(pid)))
    seed_mask = free & (people["role"].to_numpy() == SUSPECT) & np.isin(group, INJURY_GROUPS + ("Robbery of personal property",))
    seeds = rng.permutation(np.flatnonzero(seed_mask))[: 260 * scale]
    is_seed = np.zeros(len(pid), dtype=bool)
    is_seed[seeds] = True
    others = rng.permutation(np.flatnonzero(free & ~is_seed))
    key = sex * 1000 + np.nan_to_num(age).astype(np.int64)
    seed_frame = pd.DataFrame({"seed": seeds, "key": key[seeds], "order": np.arange(len(seeds))})
    seed_frame["slot"] = seed_frame.groupby("key").cumcount()
    per_key = seed_frame.groupby("key").size()
    pool = pd.DataFrame({"member": others, "key": key[others]})
    pool = pool[pool["key"].isin(per_key.index)]
    position = pool.groupby("key").cumcount().to_numpy()
    width = per_key.reindex(pool["key"]).to_numpy()
    pool["round"], pool["slot"] = position // width, position % width
    pool = pool[pool["round"] < 40].merge(seed_frame, on=["key", "slot"])
    pool = pool[offence[pool["member"].to_numpy()] != offence[pool["seed"].to_numpy()]]
    pool = pool.sort_values(["round", "order"], kind="stable")
    pair_key = pool["seed"].to_numpy() * (offence.max() + 1) + offence[pool["member"].to_numpy()]
    _, first = np.unique(pair_key, return_index=True)
    pool = pool.iloc[np.sort(first)]
    merge_seed, merge_member = pool["seed"].to_numpy(), pool["member"].to_numpy()

    current = period == 2
    harm_current = harm[offence[current]]

    def share_after(m: int) -> float:
        trial = pid.copy()
        trial[merge_member[:m]] = pid[merge_seed[:m]]
        return high_harm_share(trial[current], harm_current, 0.016)

    lo, hi = 0, len(merge_seed)
    if share_after(hi) < HIGH_HARM_TARGET:
        raise RuntimeError("cannot concentrate harm enough")
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if share_after(mid) < HIGH_HARM_TARGET:
            lo = mid
        else:
            hi = mid
    best = min(range(max(0, lo - 20), min(len(merge_seed), hi + 20) + 1),
               key=lambda m: abs(share_after(m) - HIGH_HARM_TARGET)) if scale == 1 else hi
    pid[merge_member[:best]] = pid[merge_seed[:best]]


# --------------------------------------------------------------------------------------------------
# Small tables
# --------------------------------------------------------------------------------------------------
# ONS mid-2011 population estimates by district and age band (Nomis NM_2002_1, Open Government Licence).
ONS_2011 = {
    "Ashford": (15164, 12539, 9264, 81438), "Canterbury": (15100, 13749, 23602, 98149),
    "Dartford": (12791, 9735, 8347, 66731), "Dover": (12127, 11033, 8447, 80111),
    "Folkestone and Hythe": (11549, 10376, 8772, 77502), "Gravesham": (12923, 10700, 8994, 69149),
    "Maidstone": (18460, 15308, 12037, 109959), "Medway": (33420, 27538, 27361, 176566),
    "Sevenoaks": (13978, 11599, 7735, 82039), "Swale": (16783, 14209, 11181, 94151),
    "Thanet": (15463, 13694, 10835, 94410), "Tonbridge and Malling": (15165, 13437, 8698, 83787),
    "Tunbridge Wells": (14293, 12568, 7977, 80408),
}
# 2021 district shares (%): the published report gives Medway, Maidstone, Canterbury and Swale; the
# others approximate Census 2021 usual-resident counts.
SHARE_2021 = {
    "Medway": 15.1, "Maidstone": 9.5, "Canterbury": 8.5, "Swale": 8.2, "Thanet": 7.6, "Ashford": 7.2,
    "Tonbridge and Malling": 7.1, "Sevenoaks": 6.5, "Dartford": 6.3, "Dover": 6.3, "Tunbridge Wells": 6.2,
    "Folkestone and Hythe": 5.9, "Gravesham": 5.6,
}
AGE_BANDS = ("0-9", "10-17", "18-24", "25+")
COUNTY_AGE_2021 = np.array([0.098, 0.118, 0.074, 0.710])


def population_table() -> pd.DataFrame:
    """Population by district × age band for 2011 (ONS proportions) and 2021 (published total and shares)."""
    rows = []
    structure = np.array([ONS_2011[d] for d in DISTRICTS], dtype=float)
    totals_2011 = apportion(1_727_600, structure.sum(axis=1))
    totals_2021 = apportion(1_855_800, weights_of(SHARE_2021))
    shares_2011 = structure / structure.sum(axis=1, keepdims=True)
    # 2021 age structure: each district keeps its 2011 profile, raked so the county hits the 2021 shares.
    profile = shares_2011.copy()
    for _ in range(50):
        county = (profile * totals_2021[:, None]).sum(axis=0) / totals_2021.sum()
        profile *= COUNTY_AGE_2021 / county
        profile /= profile.sum(axis=1, keepdims=True)
    for year, totals, prof in ((2011, totals_2011, shares_2011), (2021, totals_2021, profile)):
        for i, d in enumerate(DISTRICTS):
            for band, value in zip(AGE_BANDS, apportion(int(totals[i]), prof[i])):
                rows.append((d, band, year, int(value)))
    return pd.DataFrame(rows, columns=["district", "age_band", "year", "population"])


HO_2018 = ("Home Office, The economic and social costs of crime, 2nd edition (Heeks et al. 2018, "
           "Research Report 99), cost per offence in 2015/16 prices")
UNIT_COSTS_2015 = {  # group → (cost, source)
    "Violence with injury": (14050, HO_2018),
    "Robbery of personal property": (11320, HO_2018 + " (robbery)"),
    "Rape": (39360, HO_2018),
    "Other sexual offences": (6520, HO_2018),
    "Homicide": (3217740, HO_2018),
    "Aggravated burglary": (5930, HO_2018 + " (domestic burglary, used as a proxy)"),
    "Public order offences": (5930, HO_2018 + " (violence without injury, used as a proxy)"),
    "Possession of weapons": (5930, HO_2018 + " (violence without injury, used as a proxy)"),
}
UPRATING = 1.228
IMPLIED_2024 = {"Violence with injury": 17253.15, "Robbery of personal property": 14669.91}


def unit_cost_table() -> pd.DataFrame:
    """Cost per offence for every group at 2015/16 (Home Office 2018) and 2024/25 prices."""
    rows = []
    for group in GROUPS:
        cost, source = UNIT_COSTS_2015[group]
        rows.append((group, float(cost), "2015/16", source))
    for group in GROUPS:
        if group in IMPLIED_2024:
            rows.append((group, IMPLIED_2024[group], "2024/25",
                         "Per-offence cost implied by the savings published in the Kent and Medway SNA "
                         "executive report 2025/26 (saving ÷ fall in offences); not a published unit cost"))
        else:
            cost = round(UNIT_COSTS_2015[group][0] * UPRATING, 2)
            rows.append((group, cost, "2024/25",
                         f"2015/16 Home Office cost × {UPRATING} (the uprating implied for violence with injury); "
                         "illustrative"))
    return pd.DataFrame(rows, columns=["offence_group", "unit_cost_gbp", "price_year", "source"])


def harm_weight_table() -> pd.DataFrame:
    """Cambridge Crime Harm Index days for every offence type, with the subgroup it comes from."""
    return pd.DataFrame({"offence_type": [t.name for t in TYPES], "harm_weight": [t.harm for t in TYPES],
                         "source": [CCHI.format(t.harm_subgroup) for t in TYPES]})


def hospital_admissions(rng: np.random.Generator) -> pd.DataFrame:
    """Monthly admissions for assault by district, age band and mechanism (Apr 2022 – Sep 2025).

    Sharp-object totals in the rolling windows: previous 106 (under 25s 24), current 67 (20).
    """
    dist_w = weights_of(KNIFE_WEIGHTS)
    sharp = np.zeros((N_MONTHS, len(DISTRICTS), 2), dtype=np.int64)
    windows = {  # first month index of each 12-month window → (under 25s, 25+)
        6: (27, 93), 18: (24, 82), 30: (20, 47),
    }
    for start, totals in windows.items():
        for band, total in enumerate(totals):
            cells = rng.multinomial(total, np.outer(np.ones(12), dist_w).ravel() / (12 * dist_w.sum()))
            sharp[start:start + 12, :, band] = cells.reshape(12, len(DISTRICTS))
    for band, rate in enumerate((2.3, 8.0)):  # Apr–Sep 2022, before the earliest window
        sharp[:6, :, band] = rng.poisson(rate * dist_w / dist_w.sum(), size=(6, len(DISTRICTS)))
    other = rng.poisson(np.array([12.0, 38.0])[None, None, :] * (dist_w / dist_w.sum())[None, :, None],
                        size=(N_MONTHS, len(DISTRICTS), 2))
    rows = []
    months = [str(FIRST_MONTH + m) for m in range(N_MONTHS)]
    for m in range(N_MONTHS):
        for d, name in enumerate(DISTRICTS):
            for band, label in enumerate(("0-24", "25+")):
                rows.append((months[m], label, "sharp object", int(sharp[m, d, band]), name))
                rows.append((months[m], label, "other", int(other[m, d, band]), name))
    return pd.DataFrame(rows, columns=["month", "age_band", "mechanism", "admissions", "district"])


# --------------------------------------------------------------------------------------------------
# Assembly and writing
# --------------------------------------------------------------------------------------------------
def build(seed: int = DEFAULT_SEED, scale: int = 1) -> dict[str, pd.DataFrame]:
    """Every table of the sample dataset, as DataFrames keyed by table name."""
    rng = np.random.default_rng(seed)
    off = offence_skeleton(rng, scale)
    off["occurred_at"] = assign_times(rng, off)
    people = people_skeleton(rng, off)
    people["type"] = off["type"].to_numpy()[people["offence"].to_numpy()]
    band = fill_bands(rng, people)
    people["age"] = ages_in_bands(rng, people, band)
    people.loc[band == UNKNOWN, "age"] = np.nan
    people["sex"] = assign_sex(rng, people)
    recorded = rng.random(len(people)) < 0.12
    ethnicity = np.where(recorded, rng.choice(np.array(["White", "Black", "Asian", "Mixed", "Other"], dtype=object),
                                               size=len(people), p=[0.8, 0.06, 0.07, 0.04, 0.03]), None)
    pid = np.arange(len(people))
    pair_repeat_sexual_suspects(rng, people, pid)
    harm = TYPE_HARM[off["type"].to_numpy()]
    concentrate_harm(rng, people, pid, harm, scale)

    order = np.lexsort((np.arange(len(off)), off["occurred_at"].to_numpy()))
    offence_id = np.empty(len(off), dtype=object)
    offence_id[order] = np.char.add("KM", np.char.zfill(np.arange(1, len(off) + 1).astype(str), 7))
    offences = pd.DataFrame({
        "offence_id": offence_id,
        "occurred_at": off["occurred_at"].to_numpy(),
        "district": np.array(DISTRICTS, dtype=object)[off["district"].to_numpy()],
        "offence_group": TYPE_GROUP[off["type"].to_numpy()].astype(object),
        "offence_type": np.array([t.name for t in TYPES], dtype=object)[off["type"].to_numpy()],
        "knife_enabled": off["knife"].to_numpy().astype(bool),
        "sexual_category": np.where(TYPE_SEXUAL[off["type"].to_numpy()] == "", None,
                                    TYPE_SEXUAL[off["type"].to_numpy()]).astype(object),
    }).iloc[order].reset_index(drop=True)

    persons, inverse = np.unique(pid, return_inverse=True)
    codes = rng.permutation(len(persons)) + 1_000_000 * max(1, scale)
    out_people = pd.DataFrame({
        "offence_id": offence_id[people["offence"].to_numpy()],
        "person_id": np.char.add("P", np.char.zfill(codes.astype(str), 8)).astype(object)[inverse],
        "role": np.where(people["role"].to_numpy() == VICTIM, "victim", "suspect").astype(object),
        "age": pd.array(people["age"].to_numpy(), dtype="Int64"),
        "sex": SEX_NAMES[people["sex"].to_numpy()],
        "ethnicity": ethnicity,
    })
    rank = np.empty(len(off), dtype=np.int64)
    rank[order] = np.arange(len(off))
    people_order = np.lexsort((codes[inverse], people["role"].to_numpy(), rank[people["offence"].to_numpy()]))
    out_people = out_people.iloc[people_order].reset_index(drop=True)
    return {
        "offences": offences,
        "people": out_people,
        "hospital_admissions": hospital_admissions(np.random.default_rng([seed, 1])),  # own stream
        "population": population_table(),
        "unit_costs": unit_cost_table(),
        "harm_weights": harm_weight_table(),
    }


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Byte-deterministic Parquet: no pandas/timestamp metadata, fixed codec and page settings."""
    table = pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)
    pq.write_table(table, path, compression="zstd", compression_level=3, use_dictionary=True,
                   write_statistics=True, version="2.6", data_page_version="1.0", row_group_size=1 << 20)


def write(tables: dict[str, pd.DataFrame], out: Path) -> dict[str, str]:
    """Write the tables (Parquet for offences/people, CSV for the rest); return sha256 per file."""
    out.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name, frame in tables.items():
        if name in ("offences", "people"):
            path = out / f"{name}.parquet"
            write_parquet(frame, path)
        else:
            path = out / f"{name}.csv"
            frame.to_csv(path, index=False, lineterminator="\n", float_format="%.10g")
        digests[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="multiply offence volumes (default 1)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: sample_data/, scale 1 only)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    if args.out is None:
        if args.scale != 1:
            parser.error("--scale above 1 needs --out: the committed sample data are the scale-1 tables")
        args.out = HERE
    tables = build(args.seed, args.scale)
    for file, digest in write(tables, args.out).items():
        print(f"{digest}  {file}")
    print(f"{len(tables['offences']):,} offences, {len(tables['people']):,} people rows → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
